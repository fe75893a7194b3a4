package org.elicence.application.rest;

import org.elicence.messaging.LogContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Every log line written while serving {@code /api/v1/applications/{id}/...} carries the application
 * id (never the applicant's resident ID number, which is the token's subject), matching the log
 * lines the same application produces in the other services. Quarkus keeps a request's MDC in the
 * request's own Vert.x context, so it follows the request across threads and ends with it.
 */
public class ApplicationLogContextFilter {

    @ServerRequestFilter
    public void putApplicationId(ContainerRequestContext request) {
        LogContext.putApplicationId(request.getUriInfo().getPathParameters().getFirst("id"));
    }

    @ServerResponseFilter
    public void removeApplicationId() {
        LogContext.removeApplicationId();
    }
}
