package org.elicence.application.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.domain.Application;
import org.elicence.application.domain.ApplicationStatus;
import org.elicence.application.domain.PhotoAnnotation;
import org.elicence.application.domain.PhotoAuditAttempt;
import org.elicence.application.domain.PhotoReviewCase;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.PhotoReviewCaseOpened;
import org.elicence.messaging.events.PhotoSource;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Staff in the loop for photos. application-service owns the applicant's application and is the one
 * service that sees every audit of it, so it opens the photo review cases and applies the decisions; the
 * mechanics are those of idcard-service's ID-card review (a case topic, decisions typed with kcat and read by
 * {@link PhotoReviewDecisions} through platform-messaging's one handler of operators' commands, refusals on a
 * {@code -rejected} topic).
 */
@ApplicationScoped
public class PhotoReviewService {

    private static final Logger LOG = Logger.getLogger(PhotoReviewService.class);

    private final ObjectMapper objectMapper;
    private final ApplicationConfig config;
    private final Outbox outbox;
    private final MeterRegistry metrics;

    @Inject
    public PhotoReviewService(ObjectMapper objectMapper, ApplicationConfig config, Outbox outbox,
            MeterRegistry metrics) {
        this.objectMapper = objectMapper;
        this.config = config;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** The machine accepts a photo alone only when every rule PASSed; none failed but some not assessable: staff. */
    public static boolean needsReview(PhotoAudited event) {
        return !event.passed() && event.checks().stream().noneMatch(RuleCheck::failed)
                && event.checks().stream().anyMatch(c -> RuleCheck.NOT_ASSESSABLE.equals(c.verdict()));
    }

    /** In the inbox transaction of the audit result; the caller moved the application. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openForAudit(Application application, PhotoAudited event) {
        if (PhotoReviewCase.pending(application.id).isPresent()) {
            return;
        }
        open(application, UUID.fromString(event.photoId()), event.source(), event.verdict(), event.checks(),
                event.annotated(), event.portrait(), PhotoReviewCaseOpened.NOT_ASSESSABLE);
    }

    /**
     * POST /applications/{id}/photo/review-request: the office visit of old, from the phone. The application's row is
     * locked while the case opens, so a second request at once (a double tap) waits and then finds the review under
     * way (409); one that raced an event on the application is run again, as uploads are.
     */
    public PhotoReviewCase requestReview(UUID id, String applicantId) {
        return RaceRetry.call(() -> QuarkusTransaction.requiringNew().call(() -> openOnRequest(id, applicantId)));
    }

    private PhotoReviewCase openOnRequest(UUID id, String applicantId) {
        Application application = Application.findOwnedForUpdate(id, applicantId)
                .orElseThrow(ProblemException::notFound);
        if (application.status != ApplicationStatus.PHOTO_REJECTED) {
            throw new ProblemException(ProblemCode.PHOTO_REVIEW_NOT_AVAILABLE, application.status);
        }
        long failed = PhotoAuditAttempt.failedCount(id);
        int needed = config.photoReview().requestAfterFailures();
        if (failed < needed) {
            throw new ProblemException(ProblemCode.PHOTO_REVIEW_NOT_YET_AVAILABLE, needed, failed);
        }
        PhotoAuditAttempt last = application.currentPhotoId == null ? null
                : PhotoAuditAttempt.findById(application.currentPhotoId);
        if (last == null) {
            throw ProblemException.variant(ProblemCode.PHOTO_REVIEW_NOT_AVAILABLE, "not-received");
        }
        if (PhotoReviewCase.count("applicationId = ?1 and photoId = ?2", id, last.photoId) > 0) {
            // staff answered on this photo already: another look at it would only be asked again and again
            throw ProblemException.variant(ProblemCode.PHOTO_REVIEW_NOT_AVAILABLE, "already-reviewed");
        }
        Optional<PhotoAnnotation> images = PhotoAnnotation.<PhotoAnnotation>findByIdOptional(id)
                .filter(a -> a.photoId.equals(last.photoId));
        EncodedImage annotated = images.map(a -> jpeg(a.jpeg)).orElse(null);
        EncodedImage portrait = images.filter(a -> a.portrait != null).map(a -> jpeg(a.portrait)).orElse(null);
        PhotoReviewCase reviewCase = open(application, last.photoId, PhotoSource.valueOf(last.source), last.verdict,
                last.checks, annotated, portrait, PhotoReviewCaseOpened.APPLICANT_REQUEST);
        application.photoReviewRequested();
        return reviewCase;
    }

    /**
     * A stored JPEG as the case carries it, its size read from its header (no decode: a reviewer's case needs the
     * bytes, not the pixels); null if it is no readable image.
     */
    private static EncodedImage jpeg(byte[] bytes) {
        return EncodedImage.read(bytes).orElse(null);
    }

    private PhotoReviewCase open(Application application, UUID photoId, PhotoSource source, String verdict,
            List<RuleCheck> checks, EncodedImage annotated, EncodedImage portrait, String trigger) {
        PhotoReviewCase reviewCase = new PhotoReviewCase();
        reviewCase.caseId = UUID.randomUUID();
        reviewCase.applicationId = application.id;
        reviewCase.photoId = photoId;
        reviewCase.trigger = trigger;
        reviewCase.status = PhotoReviewCase.Status.PENDING;
        reviewCase.checks = checks;
        reviewCase.annotated = annotated;
        reviewCase.portrait = portrait;
        reviewCase.openedAt = Instant.now();
        reviewCase.persist();
        String applicationId = application.id.toString();
        outbox.publish(applicationId, new PhotoReviewCaseOpened(reviewCase.caseId.toString(), applicationId,
                application.fullName, PhotoReviewCaseOpened.PENDING, trigger,
                photoId.toString(), source, verdict, (int) PhotoAuditAttempt.failedCount(application.id),
                reviewCase.openedAt, checks, annotated, portrait));
        Counter.builder("photo.review.cases.opened").description("Photo review cases opened, by trigger")
                .tag("trigger", trigger).register(metrics).increment();
        LOG.infof("application %s: photo review case %s opened (%s)", applicationId, reviewCase.caseId, trigger);
        return reviewCase;
    }
}
