package org.elicence.messaging.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.regex.Pattern;

import org.elicence.messaging.LogContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Who looked at what on the operators' endpoints ({@code /internal/…}, an applicant's record, the search by ID number):
 * one log line per request with the operator's id (their token's principal), the method, the path (application ids;
 * a search carries its ID number in the body) and the status, so that every look at a citizen's data can be traced
 * to a member of staff. A request the endpoint refused (401, 403) is logged without a name: the token of an
 * applicant who tried names a resident ID number (docs/privacy.md). Of the path, only the endpoints' own words and
 * UUIDs are written, a UUID as the endpoint reads it (decoded, in lower case, whatever case or percent-encoding was
 * sent, so that every look at a record is traced to its id); any other segment is written {@code *}: a resident ID
 * number typed where the application id belongs would otherwise be logged (before 2026-12-07 the path was logged as
 * sent).
 */
public class OperatorAccessLog {

    /** The role every service's operators' endpoints require. */
    static final String OPERATOR = "operator";

    private static final Logger LOG = Logger.getLogger(OperatorAccessLog.class);
    /** A segment written as it is: a word of the endpoints' paths. */
    private static final Pattern WORD = Pattern.compile("[a-z][a-z.-]*");

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        // judged on the path as routed (decoded, dot segments resolved): /%69nternal/… and /a/../internal/… reach
        // the same endpoints as /internal/… and are logged as they
        String path = raw == null ? null : masked(raw);
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

    /**
     * {@code rawPath} as it is routed (each segment decoded, {@code .} and {@code ..} resolved), each segment written
     * as a word, a UUID (its canonical text) or {@code *}: nothing else that was sent reaches the log, an encoded line
     * break included.
     */
    static String masked(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : rawPath.split("/", -1)) {
            String decoded = decoded(raw);
            if (".".equals(decoded)) {
                continue;
            }
            if ("..".equals(decoded)) {
                if (segments.size() > 1) { // never above the root (the path's leading empty segment)
                    segments.removeLast();
                }
                continue;
            }
            segments.addLast(shown(decoded));
        }
        return String.join("/", segments);
    }

    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "%"; // shown as *
        }
    }

    private static String shown(String decoded) {
        if (decoded.isEmpty() || WORD.matcher(decoded).matches()) {
            return decoded;
        }
        return LogContext.hasUuidShape(decoded) ? UUID.fromString(decoded).toString() : "*";
    }

    /** The name as the identity provider wrote it, without control characters, at most 100 characters. */
    static String printable(String name) {
        String kept = name == null ? "" : name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.length() > 100 ? kept.substring(0, 100) : kept;
    }
}
