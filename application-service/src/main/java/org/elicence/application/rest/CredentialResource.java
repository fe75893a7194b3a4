package org.elicence.application.rest;

import org.elicence.application.service.ProblemCode;
import org.elicence.application.service.ProblemException;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elicence.application.domain.Application;
import org.elicence.application.service.ApplicationService;
import org.elicence.messaging.events.LicenceIssued;
import org.elicence.messaging.http.Problem;

/**
 * An OpenID4VCI-style credential endpoint for the applicant's app: the issued licence as {@code mso_mdoc}, the bare
 * ISO 18013-5 IssuerSigned (base64url CBOR) the app keeps and presents in its own DeviceResponse. Shaped like
 * OpenID4VCI 1.0's Credential Endpoint (request names a credential configuration, response lists credentials); the
 * differences from the spec are in docs/api.md.
 */
@Path("/api/v1/applications/{id}/credential")
@Authenticated
@Tag(name = "applications")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {

    /** The one credential configuration offered: the ISO mDL as mso_mdoc. */
    public static final String MDL_CONFIGURATION = "org.iso.18013.5.1.mDL";
    static final String MSO_MDOC = "mso_mdoc";

    public record CredentialRequest(@NotBlank @JsonProperty("credential_configuration_id") String credentialConfigurationId) {
    }

    public record IssuedCredential(String credential) {
    }

    public record CredentialResponse(List<IssuedCredential> credentials) {
    }

    private final ApplicationService applications;
    private final ObjectMapper json;
    private final Validator validator;
    private final JsonWebToken token;

    @Inject
    public CredentialResource(ApplicationService applications, ObjectMapper json, Validator validator,
            JsonWebToken token) {
        this.applications = applications;
        this.json = json;
        this.validator = validator;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The licence as an OpenID4VCI mso_mdoc credential (bare IssuerSigned, base64url)",
            description = "Request {\"credential_configuration_id\": \"org.iso.18013.5.1.mDL\"}; the answer "
                    + "{\"credentials\": [{\"credential\": \"<base64url IssuerSigned>\"}]}. Holder binding is the device "
                    + "key registered with PUT .../device-key, not a proof in the request.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CredentialRequest.class)))
    @APIResponse(responseCode = "200", description = "the credential",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CredentialResponse.class)))
    @APIResponse(responseCode = "400", description = "UNSUPPORTED_CREDENTIAL_CONFIGURATION or INVALID_REQUEST",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "LICENCE_NOT_ISSUED (yet) or APPLICATION_NOT_FOUND",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CredentialResponse credential(@PathParam("id") String id, InputStream body) {
        Application application = applications.find(ApplicantTokens.applicationId(id),
                ApplicantTokens.residentId(token));
        CredentialRequest request = JsonBody.read(body, CredentialRequest.class, json, validator);
        if (!MDL_CONFIGURATION.equals(request.credentialConfigurationId())) {
            throw new ProblemException(ProblemCode.UNSUPPORTED_CREDENTIAL_CONFIGURATION, MDL_CONFIGURATION);
        }
        if (application.licence == null) {
            throw ProblemException.licenceNotIssued(application.status);
        }
        return application.licence.credentials().stream()
                .filter(credential -> MSO_MDOC.equals(credential.format()))
                .map(LicenceIssued.Credential::value)
                .findFirst()
                .map(value -> new CredentialResponse(List.of(new IssuedCredential(value))))
                .orElseThrow(() -> ProblemException.licenceNotIssued(application.status));
    }
}
