package org.elicence.licence.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elicence.licence.config.IacaCrl;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The CRL distribution point that the IACA and document signer certificates name (ISO 18013-5 Annex B): the IACA's
 * certificate revocation list, DER, public like the other key endpoints. The CRL is signed by the IACA, so where it
 * is fetched from does not matter to its trust.
 */
@Path("/api/v1/licences/crl")
@Tag(name = "licences")
public class CrlResource {

    static final String CRL_MEDIA_TYPE = "application/pkix-crl";
    /** Readers may cache it this long; a revocation reaches them within the hour. */
    private static final int MAX_AGE_SECONDS = 3600;

    private final IacaCrl crl;

    @Inject
    public CrlResource(IacaCrl crl) {
        this.crl = crl;
    }

    @GET
    @Path("/iaca.crl")
    @Produces(CRL_MEDIA_TYPE)
    @Operation(summary = "The IACA's certificate revocation list (DER, RFC 5280): revoked document signer certificates")
    public Response iacaCrl() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(crl.der()).cacheControl(cache).build();
    }
}
