package org.elicence.application.rest;

import java.io.InputStream;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elicence.application.service.DeviceKeyRegistration;
import org.elicence.messaging.http.Problem;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The app registers its device public key (holder key) for an application; the licence issuer binds the mdoc to it
 * (docs/licence.md, "Holder binding"). Same rules as the rest of the mobile API: the token's subject is the
 * applicant, another applicant's application answers 404.
 */
@Path("/api/v1/applications/{id}/device-key")
@Authenticated
@Tag(name = "applications")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceKeyResource {

    /** RFC 7517 JWK of an EC P-256 public key; other JWK members (kid, use, alg) are not taken. */
    public record DeviceKeyJwk(@NotBlank String kty, @NotBlank String crv, @NotBlank String x, @NotBlank String y) {
    }

    /** The registered key's RFC 7638 JWK thumbprint (base64url SHA-256), as the issuer will name it. */
    public record RegisteredDeviceKey(String thumbprint) {
    }

    private final DeviceKeyRegistration registration;
    private final ObjectMapper json;
    private final Validator validator;
    private final JsonWebToken token;

    @Inject
    public DeviceKeyResource(DeviceKeyRegistration registration, ObjectMapper json, Validator validator,
            JsonWebToken token) {
        this.registration = registration;
        this.json = json;
        this.validator = validator;
        this.token = token;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register the app's device public key (P-256 JWK) that the licence will be bound to",
            description = "Register it right after opening the application: the licence issuer signs the latest "
                    + "registered key into the mdoc when it signs the credential. A licence signed before any key was "
                    + "registered has no holder binding until it is renewed.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DeviceKeyJwk.class)))
    @APIResponse(responseCode = "202", description = "accepted: the key's RFC 7638 JWK thumbprint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegisteredDeviceKey.class)))
    @APIResponse(responseCode = "400", description = "INVALID_DEVICE_KEY: not an EC P-256 point on the curve",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response register(@PathParam("id") String id, InputStream body) {
        UUID applicationId = ApplicantTokens.applicationId(id);
        String applicant = applicant();
        DeviceKeyJwk jwk = JsonBody.read(body, DeviceKeyJwk.class, json, validator);
        String thumbprint = registration.register(applicationId, applicant, jwk.kty(), jwk.crv(), jwk.x(), jwk.y());
        return Response.accepted(new RegisteredDeviceKey(thumbprint)).build();
    }

    private String applicant() {
        return ApplicantTokens.residentId(token);
    }
}
