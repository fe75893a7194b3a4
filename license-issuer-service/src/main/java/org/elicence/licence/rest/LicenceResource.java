package org.elicence.licence.rest;

import java.time.Clock;
import java.util.Optional;
import org.elicence.licence.credential.qr.VerificationCodes;
import org.elicence.licence.credential.VerificationResult;
import org.elicence.licence.service.ELicenceStore;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elicence.licence.config.DocumentSignerStanding;
import org.elicence.licence.config.IacaCrl;
import org.elicence.licence.config.LicenceConfig;
import org.elicence.licence.config.PreviousKeys;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.status.StatusListToken;
import org.elicence.licence.service.StatusListPublisher;
import org.elicence.messaging.http.Problem;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public face of the issuer: anyone (police, a rental desk, a verifier app) may check a presented credential
 * against the register, and fetch the trust anchor, keys and status list to verify offline. No authentication: a
 * presented JWS or mdoc is answered with what it already holds; the online-verification QR's code, which holds
 * nothing, is answered with the licence it names (portrait, ID number: what showing the licence shows) only while
 * that credential is valid, and with the verdict alone once it was renewed, suspended, revoked or expired (docs/privacy.md);
 * the status list holds only statuses, by index, and which index is whose is known only from the credential itself.
 */
@Path("/api/v1/licences")
@Tag(name = "licences")
public class LicenceResource {

    static final String PEM_MEDIA_TYPE = "application/x-pem-file";

    private final CredentialVerifier verifier;
    private final KeyMaterial keys;
    private final StatusListPublisher statusList;
    private final LicenceConfig config;
    private final ELicenceStore eLicences;
    private final PreviousKeys previousKeys;
    private final IacaCrl crl;
    private final DocumentSignerStanding signerStanding;
    private final Clock clock;

    @Inject
    public LicenceResource(CredentialVerifier verifier, KeyMaterial keys, StatusListPublisher statusList,
            LicenceConfig config, ELicenceStore eLicences, PreviousKeys previousKeys, IacaCrl crl,
            DocumentSignerStanding signerStanding, Clock clock) {
        this.crl = crl;
        this.signerStanding = signerStanding;
        this.eLicences = eLicences;
        this.previousKeys = previousKeys;
        this.clock = clock;
        this.verifier = verifier;
        this.keys = keys;
        this.statusList = statusList;
        this.config = config;
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a presented e-licence (JWS, mdoc, or the online-verification QR's text ELV1:<code>): "
            + "signature, issuer, validity and register status; an unknown code is INVALID/UNKNOWN_CODE, a renewed "
            + "licence's old code INVALID/SUPERSEDED")
    @APIResponse(responseCode = "200", description = "the verdict; a forged or expired credential is a 200 with "
            + "outcome INVALID or EXPIRED, not an error")
    @APIResponse(responseCode = "400", description = "no credential in the body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "the register cannot be asked; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerificationResponse verify(@Valid @NotNull VerifyRequest request) {
        Optional<String> code = VerificationCodes.codeOf(request.credential());
        if (code.isPresent()) {
            return VerificationResponse.of(eLicences.mdocByVerificationCode(code.get()).map(verifier::verifyMdoc)
                    .map(VerificationResult::disclosedForACode).orElseGet(VerificationResult::unknownCode));
        }
        return VerificationResponse.of(verifier.verify(request.credential(), request.sessionTranscript()));
    }

    @GET
    @Path("/issuer-certificate")
    @Produces(PEM_MEDIA_TYPE)
    @Operation(summary = "The IACA root certificate (PEM): the trust anchor for offline verification")
    public String issuerCertificate() {
        return keys.iacaCertificatePem();
    }

    @GET
    @Path("/status-list")
    @Produces(StatusListToken.MEDIA_TYPE)
    @Operation(summary = "Token Status List (draft-ietf-oauth-status-list) of every issued credential, as a signed JWT",
            description = "Each credential's status claim names its index here; 2 bits per credential: 0 VALID, "
                    + "1 INVALID (revoked, or superseded by a renewal), 2 SUSPENDED. Signed like the credentials "
                    + "(ES256, x5c chaining to the IACA root); cacheable for its ttl.")
    public Response statusList() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(Math.toIntExact(config.statusList().ttl().toSeconds()));
        return Response.ok(statusList.token()).cacheControl(cache).build();
    }

    @GET
    @Path("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JWK Set with the document signer key that signs the JWS form (x5c chains to the IACA root), "
            + "then the keys of earlier document signers; a signer's key is listed only while it is neither expired "
            + "nor revoked by the IACA's CRL")
    public String jwks() {
        // a relying party resolving keys by kid checks no CRL: a revoked signer's key (a compromised one) is withdrawn
        return keys.jwks(signerStanding.usable(),
                previousKeys.publishableSigners(keys.iacaCertificate(), crl, clock.instant()), previousKeys.roots());
    }
}
