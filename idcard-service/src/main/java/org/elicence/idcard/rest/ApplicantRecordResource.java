package org.elicence.idcard.rest;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elicence.idcard.service.ApplicantRecord;
import org.elicence.idcard.service.ApplicantRecordService;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Operators' read-only view of an applicant's record. It needs an operator's credential: a bearer JWT of the
 * platform's identity provider for the operators' audience with role {@value #OPERATOR} (no token or a bad one:
 * 401, an applicant's token, or one for the mobile app that carries the role: 403, both problem+json,
 * {@link OperatorProblems}). Under {@code /internal}: the public gateway does not route it,
 * the service listens on loopback locally, and on Kubernetes its NetworkPolicy lets no one but Prometheus in;
 * operators reach it through {@code kubectl port-forward} (docs/operator-runbook.md).
 */
@Path("/internal/applicants")
@Tag(name = "operators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApplicantRecordResource.OPERATOR)
public class ApplicantRecordResource {

    /** The role (JWT claim {@code groups}) an operator's token carries. */
    public static final String OPERATOR = "operator";

    @Inject
    ApplicantRecordService records;

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "idcard.auth.operator-audience")
    String operatorAudience;

    @GET
    @Path("/{applicationId}/record")
    @Operation(summary = "Everything idcard-service did for an application: registry lookup, uploads with "
            + "their checks, review cases and decisions")
    public ApplicantRecord record(@PathParam("applicationId") UUID applicationId) {
        if (token.getAudience() == null || !token.getAudience().contains(operatorAudience)) {
            // the operator role on a token issued for the mobile app is not an operator's credential
            throw new ForbiddenException();
        }
        return records.recordOf(applicationId)
                .orElseThrow(() -> new NotFoundException("idcard-service knows no application " + applicationId));
    }
}
