package org.elicence.application.rest;

import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elicence.application.domain.Application;
import org.elicence.application.domain.IdCardReviewCaseRecord;
import org.elicence.application.domain.IdCardReviewDecisionRecord;
import org.elicence.application.domain.IdCardUpload;
import org.elicence.application.domain.PhotoAnnotation;
import org.elicence.application.domain.PhotoAttemptAnnotation;
import org.elicence.application.domain.PhotoAuditAttempt;
import org.elicence.application.domain.PhotoReviewCase;
import org.elicence.application.domain.PhotoReviewDecisionRecord;
import org.elicence.application.service.ApplicationService;
import org.elicence.application.service.ProblemCode;
import org.elicence.application.service.ProblemException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Staff see an applicant's whole record in one place (issue 12; docs/operator-runbook.md "Photo review"). It needs
 * an operator's credential: a bearer JWT of the platform's identity provider with audience
 * {@code applications.auth.operator-audience} and role {@value #OPERATOR} (claim {@code groups}); no token or a bad
 * one 401, an applicant's token 403 ({@link TokenAudienceFilter}), both problem+json. Under {@code /internal}: the
 * public gateway does not route it, the service listens on loopback locally, and on Kubernetes operators reach it
 * through {@code kubectl port-forward}.
 */
@Path("/internal/applications")
@Tag(name = "operators")
@RolesAllowed(OperatorRecordResource.OPERATOR)
public class OperatorRecordResource {

    /** The role (JWT claim {@code groups}) an operator's token carries. */
    public static final String OPERATOR = "operator";

    @Inject
    ApplicationService applications;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A citizen's applications, newest first (the 50 most recent), found by the ID number in the "
            + "body: the way from a citizen at the counter to their record")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicantSearch.class)))
    public List<ApplicationSummary> search(InputStream body) {
        ApplicantSearch search = JsonBody.read(body, ApplicantSearch.class, json, validator);
        return applications.ofApplicant(search.applicantId()).stream().map(ApplicationSummary::of).toList();
    }

    @GET
    @Path("/{id}/record")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "An application's whole record for staff: every photo attempt with every check and its "
            + "annotated image, every photo review case and decision, every ID-card upload, card review case and decision")
    public ApplicationRecord record(@PathParam("id") String id) {
        Application application = find(id);
        List<PhotoReviewCase> cases = PhotoReviewCase.list("applicationId = ?1 order by openedAt", application.id);
        List<PhotoReviewDecisionRecord> decisions = PhotoReviewDecisionRecord.list("applicationId = ?1",
                application.id);
        Set<UUID> annotated = new java.util.HashSet<>(PhotoAttemptAnnotation.photosOf(application.id));
        PhotoAnnotation.<PhotoAnnotation>findByIdOptional(application.id).ifPresent(a -> annotated.add(a.photoId));
        cases.stream().filter(c -> c.annotated != null).forEach(c -> annotated.add(c.photoId));
        ApplicationRecord.IdCard idCard = ApplicationRecord.IdCard.of(application,
                IdCardUpload.ofApplication(application.id), IdCardReviewCaseRecord.ofApplication(application.id),
                IdCardReviewDecisionRecord.ofApplication(application.id));
        return ApplicationRecord.of(application, PhotoAuditAttempt.ofApplication(application.id), annotated, cases,
                decisions, idCard);
    }

    @GET
    @Path("/{id}/photo-attempts/{photoId}/annotated.jpg")
    @Produces("image/jpeg")
    @Transactional
    @Operation(summary = "One photo attempt's annotated image: face box, landmarks and failed regions drawn")
    public Response annotated(@PathParam("id") String id, @PathParam("photoId") String photoId) {
        Application application = find(id);
        UUID photo = parse(photoId);
        Optional<byte[]> jpeg = PhotoAttemptAnnotation.<PhotoAttemptAnnotation>findByIdOptional(photo)
                .filter(a -> a.applicationId.equals(application.id)).map(a -> a.jpeg)
                .or(() -> PhotoAnnotation.<PhotoAnnotation>findByIdOptional(application.id)
                        .filter(a -> a.photoId.equals(photo)).map(a -> a.jpeg))
                .or(() -> PhotoReviewCase.<PhotoReviewCase>stream("applicationId = ?1 and photoId = ?2",
                        application.id, photo).filter(c -> c.annotated != null).findFirst()
                        .map(c -> Base64.getDecoder().decode(c.annotated.base64())));
        return Response.ok(jpeg.orElseThrow(() -> new ProblemException(ProblemCode.NO_ANNOTATED_IMAGE)), "image/jpeg")
                .header("Cache-Control", "private, no-store").build();
    }

    private static Application find(String id) {
        return Application.<Application>findByIdOptional(parse(id)).orElseThrow(ProblemException::notFound);
    }

    private static UUID parse(String id) {
        return ApplicantTokens.applicationId(id);
    }
}
