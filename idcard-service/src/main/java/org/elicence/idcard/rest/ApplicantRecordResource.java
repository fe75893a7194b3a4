package org.elicence.idcard.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elicence.idcard.service.ApplicantRecord;
import org.elicence.idcard.service.ApplicantRecordService;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Operators' read-only view of an applicant's record. Under {@code /internal}: the public gateway
 * does not route it; it is reached from the operators' network only (docs/operator-runbook.md).
 */
@Path("/internal/applicants")
@Tag(name = "operators")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicantRecordResource {

    @Inject
    ApplicantRecordService records;

    @GET
    @Path("/{applicationId}/record")
    @Operation(summary = "Everything idcard-service did for an application: registry lookup, uploads with "
            + "their checks, review cases and decisions")
    public ApplicantRecord record(@PathParam("applicationId") UUID applicationId) {
        return records.recordOf(applicationId)
                .orElseThrow(() -> new NotFoundException("idcard-service knows no application " + applicationId));
    }
}
