package org.elicence.licence.rest;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets verifiers running in a browser (a web wallet, a rental desk's page) fetch what offline verification needs
 * from any origin: the status list, the CRL, the IACA certificate and the JWKS. They are public and carry no
 * credentials, so {@code Access-Control-Allow-Origin: *} exposes nothing; a GET with at most an {@code Accept}
 * header is a CORS "simple" request, so no preflight is needed. /verify is not opened: it is called by the
 * project's own front ends.
 */
@Provider
public class PublicKeyEndpointsCors implements ContainerResponseFilter {

    static final Set<String> PUBLIC_PATHS = Set.of("api/v1/licences/status-list", "api/v1/licences/crl/iaca.crl",
            "api/v1/licences/issuer-certificate", "api/v1/licences/jwks.json");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        String normalised = path.startsWith("/") ? path.substring(1) : path;
        if (("GET".equals(method) || "HEAD".equals(method)) && PUBLIC_PATHS.contains(normalised)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        }
    }
}
