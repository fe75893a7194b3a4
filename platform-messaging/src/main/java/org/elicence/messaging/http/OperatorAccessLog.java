package org.elicence.messaging.http;

import java.security.Principal;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Who looked at what on the operators' endpoints ({@code /internal/…}, an applicant's record, the search by ID number):
 * one log line per request with the operator's id (their token's principal), the method, the path as sent (application
 * ids; a search carries its ID number in the body) and the status, so that every look at a citizen's data can be
 * traced to a member of staff. A request the endpoint refused (401, 403) is logged without a name: the token of an
 * applicant who tried names a resident ID number (docs/privacy.md).
 */
public class OperatorAccessLog {

    /** The role every service's operators' endpoints require. */
    static final String OPERATOR = "operator";

    private static final Logger LOG = Logger.getLogger(OperatorAccessLog.class);

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        // the raw path: still percent-encoded, so a line break sent in the path cannot forge a log line
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path == null || !path.startsWith("/internal/")) {
            return;
        }
        int status = response.getStatus();
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (status == 401 || status == 403 || caller == null || !request.getSecurityContext().isUserInRole(OPERATOR)) {
            LOG.infof("operators' endpoint refused: %s %s %d", request.getMethod(), path, status);
        } else {
            LOG.infof("operator %s: %s %s %d", printable(caller.getName()), request.getMethod(), path, status);
        }
    }

    /** The name as the identity provider wrote it, without control characters, at most 100 characters. */
    static String printable(String name) {
        String kept = name == null ? "" : name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.length() > 100 ? kept.substring(0, 100) : kept;
    }
}
