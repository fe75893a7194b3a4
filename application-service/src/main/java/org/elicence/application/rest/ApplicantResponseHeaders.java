package org.elicence.application.rest;

import org.elicence.messaging.http.ProblemTexts;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * What every answer of the mobile API says about itself. {@code Content-Language}: the language of a JSON answer's
 * messages, the one {@link ProblemTexts#language} picks from Accept-Language as every view does (problems carry it
 * already). {@code Vary: Accept-Language}: the same URL answers in either language. {@code Cache-Control: private,
 * no-store}: the answers hold personal data (a name, a licence, a photo's audit) that no cache on the way or on the
 * phone should keep.
 */
public class ApplicantResponseHeaders {

    // a Provider: filters are created before the runtime configuration exists
    @Inject
    Provider<ProblemTexts> texts;

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!headers.containsKey("Content-Language") && response.getMediaType() != null
                && response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            headers.putSingle("Content-Language",
                    texts.get().language(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        }
        if (!headers.containsKey(HttpHeaders.VARY)) {
            headers.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        headers.putIfAbsent(HttpHeaders.CACHE_CONTROL, java.util.List.of("private, no-store"));
    }
}
