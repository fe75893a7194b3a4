package org.elicence.application.rest;

import org.elicence.messaging.http.HttpProblems;
import org.elicence.messaging.http.ProblemTexts;

import org.elicence.application.service.ProblemCode;
import org.elicence.application.service.ProblemException;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.domain.Application;
import org.elicence.application.domain.IssuedLicence;
import org.elicence.application.domain.PhotoAnnotation;
import org.elicence.application.domain.PhotoAuditAttempt;
import org.elicence.application.domain.PhotoReviewCase;
import org.elicence.application.service.ApplicationService;
import org.elicence.application.service.PhotoReviewService;
import org.elicence.application.service.UploadAdmission;
import org.elicence.application.service.UploadRateLimiter;
import org.elicence.application.image.ImageIntake;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.image.StrippedImage;
import org.elicence.messaging.memory.PayloadMemoryBudget;

import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The mobile app's API. The bearer token's subject is the applicant's resident ID number; an
 * applicant only ever sees their own applications (another's id answers 404, not 403, so ids leak
 * nothing).
 */
@Path("/api/v1/applications")
@Authenticated
@Tag(name = "applications")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService applications;
    private final PhotoReviewService photoReviews;
    private final UploadRateLimiter rateLimiter;
    private final UploadAdmission admission;
    private final ImageIntake intake;
    private final ApplicationConfig config;
    private final ObjectMapper json;
    private final JsonWebToken token;
    private final Validator validator;
    private final ProblemTexts texts;

    @Inject
    public ApplicationResource(ApplicationService applications, PhotoReviewService photoReviews,
            UploadRateLimiter rateLimiter, UploadAdmission admission, ImageIntake intake, ApplicationConfig config,
            ObjectMapper json, JsonWebToken token, Validator validator, ProblemTexts texts) {
        this.validator = validator;
        this.texts = texts;
        this.applications = applications;
        this.photoReviews = photoReviews;
        this.rateLimiter = rateLimiter;
        this.admission = admission;
        this.intake = intake;
        this.config = config;
        this.json = json;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an application; an Idempotency-Key makes retries return the same one")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateApplicationRequest.class)))
    @APIResponse(responseCode = "201", description = "Opened (or, with the same Idempotency-Key, the one opened before)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response create(InputStream body, @Context HttpHeaders headers,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        CreateApplicationRequest request = JsonBody.read(body, CreateApplicationRequest.class, json, validator);
        // a header sent empty or blank is refused, not taken as "no key" (the retry would open a second application)
        List<String> keys = headers.getRequestHeader("Idempotency-Key");
        String idempotencyKey = keys == null || keys.isEmpty() ? null : keys.get(0);
        if (idempotencyKey != null && (keys.size() > 1 || idempotencyKey.isBlank()
                || idempotencyKey.length() > 200 || idempotencyKey.chars().anyMatch(Character::isISOControl))) {
            throw new ProblemException(ProblemCode.INVALID_IDEMPOTENCY_KEY);
        }
        ApplicationService.Created created = applications.create(applicant(), request.fullName(),
                idempotencyKey);
        Application application = created.application();
        return Response.created(URI.create("/api/v1/applications/" + application.id))
                .entity(ApplicationView.of(application, texts.language(language)))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .build();
    }

    @GET
    @Operation(summary = "The applicant's applications, newest first (the 50 most recent): how an app that lost "
            + "its application's id finds it again")
    @APIResponse(responseCode = "200", description = "The applicant's applications", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicationSummary.class)))
    public List<ApplicationSummary> list() {
        return applications.ofApplicant(applicant()).stream().map(ApplicationSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The application's status, next action, audit failures and licence")
    @Transactional
    @APIResponse(responseCode = "200", description = "The application as the applicant sees it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public ApplicationView get(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Application application = applications.find(parseId(id), applicant());
        return ApplicationView.of(application, PhotoReviewCase.latest(application.id).orElse(null),
                texts.language(language));
    }

    @GET
    @Path("/{id}/photo-audits")
    @Transactional
    @Operation(summary = "Every photo audit of the application, newest first, with every check and its reason")
    @APIResponse(responseCode = "200", description = "The audits, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicationView.PhotoAuditAttemptView.class)))
    public List<ApplicationView.PhotoAuditAttemptView> photoAudits(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Application application = applications.find(parseId(id), applicant());
        UUID annotatedPhoto = PhotoAnnotation.<PhotoAnnotation>findByIdOptional(application.id)
                .map(a -> a.photoId).orElse(null);
        return PhotoAuditAttempt.ofApplication(application.id).stream()
                .map(a -> ApplicationView.attempt(a, a.photoId.equals(annotatedPhoto), texts.language(language)))
                .toList();
    }

    @POST
    @Path("/{id}/withdrawal")
    @Operation(summary = "Withdraw the application while it waits for the applicant (a new photo, the ID card); "
            + "withdrawing it again answers the same")
    @Transactional
    @APIResponse(responseCode = "200", description = "The application, withdrawn", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public ApplicationView withdraw(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        UUID applicationId = parseId(id);
        applications.withdraw(applicationId, applicant()); // commits on its own, before the view is read
        Application application = applications.find(applicationId, applicant());
        return ApplicationView.of(application, PhotoReviewCase.latest(application.id).orElse(null),
                texts.language(language));
    }

    @POST
    @Path("/{id}/photo/review-request")
    @Operation(summary = "Ask staff to review the last photo, after failing the audit the configured number of times")
    @APIResponse(responseCode = "202", description = "A review case is open",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.PhotoReview.class)))
    public Response requestPhotoReview(@PathParam("id") String id) {
        PhotoReviewCase reviewCase = photoReviews.requestReview(parseId(id), applicant());
        return Response.accepted(new Accepted.PhotoReview(reviewCase.caseId.toString(), "PHOTO_UNDER_REVIEW")).build();
    }

    @PUT
    @Path("/{id}/photo")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a portrait (image/jpeg or image/png); the audit answers within seconds")
    @RequestBody(required = true, content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING,
            format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "202", description = "Taken in; the audit's verdict appears in the application",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.PhotoUpload.class)))
    public Response uploadPhoto(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length, InputStream body,
            @Context RoutingContext context) {
        UUID photoId = receive(id, type, length, body, context, false,
                (applicationId, image) -> applications.submitPhoto(applicationId, applicant(), image));
        return Response.accepted(new Accepted.PhotoUpload(photoId.toString(), "PHOTO_AUDITING")).build();
    }

    @PUT
    @Path("/{id}/id-card/{side}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload the front or back of the ID card")
    @RequestBody(required = true, content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING,
            format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "202", description = "Taken in; the side's checks appear in the application",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.IdCardUpload.class)))
    public Response uploadIdCard(@PathParam("id") String id, @PathParam("side") String side,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
            InputStream body, @Context RoutingContext context) {
        IdCardSide cardSide = switch (side) {
            case "front" -> IdCardSide.FRONT;
            case "back" -> IdCardSide.BACK;
            default -> null;
        };
        if (cardSide == null) {
            // refused before the body is read: drained as receive() drains its refusals, so the app reads the 404
            discardRefused(body, context);
            throw ProblemException.variant(ProblemCode.NOT_FOUND, "card-side");
        }
        UUID uploadId = receive(id, type, length, body, context, true,
                (applicationId, image) -> applications.submitIdCardSide(applicationId, applicant(), cardSide, image));
        return Response.accepted(new Accepted.IdCardUpload(uploadId.toString(), "ID_CARD_CHECKING")).build();
    }

    /**
     * One upload, cheapest refusals first: a declared length above the limit, the declared type, whose
     * application and whether it takes uploads now, the rate limit and the body's share of the transfer budget, all
     * before a byte of the body is kept (a refused body is drained, not stored, so the client reads the answer); then
     * the body (streamed, never past the limit), the rest of its share (UploadAdmission) and the image intake
     * (format, size from the header, metadata removed).
     */
    private UUID receive(String id, String type, String length, InputStream body, RoutingContext context,
            boolean idCardSide,
            java.util.function.BiFunction<UUID, StrippedImage, UUID> submit) {
        int maxBytes = config.uploads().maxBytes();
        long declared = HttpProblems.declaredLength(length);
        if (declared > maxBytes) {
            throw UploadBody.tooLarge(declared, maxBytes);
        }
        UUID applicationId;
        UploadAdmission.Transfer admitted;
        try {
            UploadBody.requireImageType(type);
            applicationId = parseId(id);
            applications.requireOpenForUploads(applicationId, applicant(), idCardSide);
            rateLimiter.acquire(applicant());
            admitted = admission.admitTransfer(applicant(), declared, maxBytes);
        } catch (RuntimeException refused) {
            discardRefused(body, context);
            throw refused;
        }
        try (UploadAdmission.Transfer transfer = admitted) {
            UploadBody.ReadBody read = UploadBody.read(body, maxBytes, declared);
            try (PayloadMemoryBudget.Reservation processing = admission.admitProcessing(read.length())) {
                byte[] bytes = read.bytes();
                read = null; // a chunked body's buffer of the largest size goes now
                if (!ImageIntake.looksLikeAnImage(bytes)) {
                    throw new ProblemException(ProblemCode.NOT_AN_IMAGE);
                }
                StrippedImage image = intake.accept(bytes);
                bytes = null; // the stripped copy is what is kept
                return submit.apply(applicationId, image);
            }
        }
    }

    @GET
    @Path("/{id}/licence")
    @Operation(summary = "The issued e-licence, or 404 until it is issued")
    @APIResponse(responseCode = "200", description = "The licence with its signed credentials",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedLicence.class)))
    public Response licence(@PathParam("id") String id) {
        Application application = applications.find(parseId(id), applicant());
        if (application.licence == null) {
            throw ProblemException.licenceNotIssued(application.status);
        }
        return Response.ok(application.licence, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}/licence/qr.png")
    @Produces("image/png")
    @Operation(summary = "The licence's online-verification QR code: ELV1: and a random code, no personal data; a "
            + "verifier posts the scanned text to the licence issuer's POST /api/v1/licences/verify")
    @APIResponse(responseCode = "200", description = "A PNG of the code",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response licenceQrCode(@PathParam("id") String id) {
        Application application = applications.find(parseId(id), applicant());
        if (application.licenceQr == null) {
            throw ProblemException.licenceNotIssued(application.status);
        }
        return Response.ok(application.licenceQr, "image/png").header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/{id}/photo/annotated")
    @Produces("image/jpeg")
    @Transactional
    @Operation(summary = "The last audited photo with the face, landmarks and failed regions drawn on it")
    @APIResponse(responseCode = "200", description = "A JPEG, at most 640 px on its long side",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response annotatedPhoto(@PathParam("id") String id) {
        Application application = applications.find(parseId(id), applicant());
        PhotoAnnotation annotation = PhotoAnnotation.findById(application.id);
        if (annotation == null) {
            throw new ProblemException(ProblemCode.NO_AUDITED_PHOTO);
        }
        return Response.ok(annotation.jpeg, "image/jpeg").header("Cache-Control", "private, no-store").build();
    }

    /** The token's subject, which must be a resident ID number; anything else may not apply. */
    private String applicant() {
        return ApplicantTokens.residentId(token);
    }

    /**
     * The body of an upload refused before it was read: drained when UploadAdmission counts the drain among the
     * bodies of the token's subject (an applicant's or not: this never throws), else cut off after the answer.
     */
    private void discardRefused(InputStream body, RoutingContext context) {
        String subject = java.util.Objects.requireNonNullElse(token.getSubject(), "");
        UploadBody.discard(body, config.uploads().maxBytes(), admission.admitDrain(subject), context);
    }

    private static UUID parseId(String id) {
        return ApplicantTokens.applicationId(id);
    }
}
