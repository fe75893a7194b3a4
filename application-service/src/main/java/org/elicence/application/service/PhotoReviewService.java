package org.elicence.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.domain.Application;
import org.elicence.application.domain.ApplicationStatus;
import org.elicence.application.domain.PhotoAnnotation;
import org.elicence.application.domain.PhotoAuditAttempt;
import org.elicence.application.domain.PhotoReviewCase;
import org.elicence.application.domain.PhotoReviewDecisionRecord;
import org.elicence.application.rest.ProblemException;
import org.elicence.messaging.EventType;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.PhotoReviewApproved;
import org.elicence.messaging.events.PhotoReviewCaseClosed;
import org.elicence.messaging.events.PhotoReviewCaseOpened;
import org.elicence.messaging.events.PhotoReviewDecision;
import org.elicence.messaging.events.PhotoReviewDecisionRejected;
import org.elicence.messaging.events.PhotoSource;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.messaging.staff.StaffRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Staff in the loop for photos. application-service owns the applicant's application and is the one
 * service that sees every audit of it, so it opens the photo review cases and applies the decisions; the
 * mechanics are those of idcard-service's ID-card review (a case topic, decisions typed with kcat and read
 * through {@link StaffRecord}, de-duplicated by {@code decisionId}, refusals on a {@code -rejected} topic).
 */
@ApplicationScoped
public class PhotoReviewService {

    private static final Logger LOG = Logger.getLogger(PhotoReviewService.class);
    static final String REJECTED_BY_REVIEWER = "REJECTED_BY_REVIEWER";

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

    /** POST /applications/{id}/photo/review-request: the office visit of old, from the phone. */
    @Transactional
    public PhotoReviewCase requestReview(UUID id, String applicantId) {
        Application application = Application.findOwned(id, applicantId).orElseThrow(ProblemException::notFound);
        if (application.status != ApplicationStatus.PHOTO_REJECTED) {
            throw new ProblemException(409, "PHOTO_REVIEW_NOT_AVAILABLE", "No photo to review",
                    "A review can be asked for when the last photo was rejected; this application is "
                            + application.status + ".");
        }
        long failed = PhotoAuditAttempt.failedCount(id);
        int needed = config.photoReview().requestAfterFailures();
        if (failed < needed) {
            throw new ProblemException(409, "PHOTO_REVIEW_NOT_YET_AVAILABLE", "Try again first",
                    "A review can be asked for after " + needed + " failed photo audits; this application has "
                            + failed + ". Follow the guidance of the last audit and upload a new photo.");
        }
        PhotoAuditAttempt last = application.currentPhotoId == null ? null
                : PhotoAuditAttempt.findById(application.currentPhotoId);
        if (last == null) {
            throw new ProblemException(409, "PHOTO_REVIEW_NOT_AVAILABLE", "No photo to review",
                    "The last photo's audit has not been received yet.");
        }
        EncodedImage annotated = PhotoAnnotation.<PhotoAnnotation>findByIdOptional(id)
                .filter(a -> a.photoId.equals(last.photoId))
                .map(a -> jpeg(a.jpeg))
                .orElse(null);
        PhotoReviewCase reviewCase = open(application, last.photoId, PhotoSource.valueOf(last.source), last.verdict,
                last.checks, annotated, null, PhotoReviewCaseOpened.APPLICANT_REQUEST);
        application.photoReviewRequested();
        return reviewCase;
    }

    /** The stored annotated copy as the case carries it; null if it cannot be read back. */
    private static EncodedImage jpeg(byte[] bytes) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            return image == null ? null : new EncodedImage("image/jpeg", image.getWidth(), image.getHeight(),
                    Base64.getEncoder().encodeToString(bytes));
        } catch (java.io.IOException e) {
            return null;
        }
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
                application.applicantId, application.fullName, PhotoReviewCaseOpened.PENDING, trigger,
                photoId.toString(), source, verdict, (int) PhotoAuditAttempt.failedCount(application.id),
                reviewCase.openedAt, checks, annotated, portrait));
        Counter.builder("photo.review.cases.opened").description("Photo review cases opened, by trigger")
                .tag("trigger", trigger).register(metrics).increment();
        LOG.infof("application %s: photo review case %s opened (%s)", applicationId, reviewCase.caseId, trigger);
        return reviewCase;
    }

    // --- decisions -------------------------------------------------------------------------------

    /** One record of {@code photo-review-decisions}; its row and its effect commit together. */
    @Transactional
    public void onDecisionRecord(ConsumerRecord<String, String> record) {
        StaffRecord typed = StaffRecord.read(record, objectMapper, "photo review decision");
        String key = typed.dedupKey("decisionId");
        if (PhotoReviewDecisionRecord.findById(key) != null) {
            LOG.infof("photo review decision %s was already handled, ignoring the redelivery", key);
            return;
        }
        PhotoReviewDecisionRecord row = new PhotoReviewDecisionRecord();
        row.decisionKey = key;
        row.decisionId = typed.text("decisionId");
        row.caseId = typed.text("caseId");
        row.reviewerId = typed.text("reviewerId");
        row.decision = typed.text("decision");
        row.receivedValue = typed.value();
        row.sourcePartition = typed.partition();
        row.sourceOffset = typed.offset();
        row.receivedAt = Instant.now();

        Optional<PhotoReviewCase> reviewCase = caseOf(row.caseId);
        reviewCase.ifPresent(found -> row.applicationId = found.applicationId);
        List<String> violations = typed.violations(EventType.PHOTO_REVIEW_DECISION);
        if (!violations.isEmpty()) {
            refuse(row, PhotoReviewDecisionRejected.MALFORMED_DECISION,
                    "the decision does not match its schema (docs/operator-runbook.md): "
                            + String.join("; ", violations));
        } else {
            PhotoReviewDecision decision = typed.as(PhotoReviewDecision.class, objectMapper);
            Optional<Refusal> refusal = refusalOf(decision, reviewCase);
            if (refusal.isPresent()) {
                refuse(row, refusal.get().code(), refusal.get().reason());
            } else {
                apply(decision, reviewCase.get(), row);
            }
        }
        row.persist();
    }

    private Optional<Refusal> refusalOf(PhotoReviewDecision decision, Optional<PhotoReviewCase> found) {
        if (!config.photoReview().reviewers().contains(decision.reviewerId())) {
            return Optional.of(new Refusal(PhotoReviewDecisionRejected.REVIEWER_NOT_AUTHORISED, "reviewer "
                    + decision.reviewerId() + " is not in applications.photo-review.reviewers"));
        }
        if (found.isEmpty()) {
            return Optional.of(new Refusal(PhotoReviewDecisionRejected.UNKNOWN_CASE, "no photo review case " + decision.caseId()));
        }
        PhotoReviewCase reviewCase = found.get();
        if (reviewCase.status != PhotoReviewCase.Status.PENDING) {
            return Optional.of(new Refusal(PhotoReviewDecisionRejected.CASE_ALREADY_DECIDED, "case " + reviewCase.caseId
                    + " was already " + reviewCase.status + " by decision " + reviewCase.decisionId));
        }
        if (PhotoReviewDecision.APPROVE.equals(decision.decision()) && reviewCase.portrait == null) {
            return Optional.of(new Refusal(PhotoReviewDecisionRejected.NO_PORTRAIT, "the audit produced no licence portrait"
                    + " for photo " + reviewCase.photoId + ", so no licence can be issued from it; reject the case"
                    + " naming the rules, and the applicant uploads a new photo"));
        }
        if (decision.rules() != null) {
            Set<String> checked = reviewCase.checks.stream().map(RuleCheck::rule).collect(Collectors.toSet());
            List<String> unknown = decision.rules().stream().filter(r -> !checked.contains(r)).toList();
            if (!unknown.isEmpty()) {
                return Optional.of(new Refusal(PhotoReviewDecisionRejected.MALFORMED_DECISION, "rule "
                        + String.join(", ", unknown) + " is not a check of case " + reviewCase.caseId
                        + " (its rules: " + checked.stream().sorted().collect(Collectors.joining(", ")) + ")"));
            }
        }
        return Optional.empty();
    }

    private void apply(PhotoReviewDecision decision, PhotoReviewCase reviewCase, PhotoReviewDecisionRecord row) {
        boolean approve = PhotoReviewDecision.APPROVE.equals(decision.decision());
        reviewCase.status = approve ? PhotoReviewCase.Status.APPROVED : PhotoReviewCase.Status.REJECTED;
        reviewCase.decidedAt = row.receivedAt;
        reviewCase.decisionId = decision.decisionId();
        reviewCase.reviewerId = decision.reviewerId();
        reviewCase.rules = decision.rules();
        reviewCase.reason = decision.reason();
        reviewCase.reasonEn = decision.reasonEn();
        reviewCase.code = approve ? null : decision.code() == null ? REJECTED_BY_REVIEWER : decision.code();
        row.outcome = PhotoReviewDecisionRecord.ACCEPTED;

        Application application = Application.findById(reviewCase.applicationId, LockModeType.PESSIMISTIC_WRITE);
        String applicationId = reviewCase.applicationId.toString();
        if (approve) {
            // Whatever the application's state, the issuer decides once per application.
            outbox.publish(applicationId, new PhotoReviewApproved(applicationId, application.applicantId,
                    reviewCase.caseId.toString(), reviewCase.photoId.toString(), reviewCase.portrait));
            application.photoReviewApproved();
        } else {
            application.photoReviewRejected(objectMapper.valueToTree(Map.of("code", reviewCase.code,
                    "message", rejectionMessage(decision), "rules", decision.rules())).toString());
        }
        outbox.publish(applicationId, new PhotoReviewCaseClosed(reviewCase.caseId.toString(), applicationId,
                reviewCase.status.name(), decision.decisionId(), decision.reviewerId(), decision.rules(),
                decision.reason(), row.receivedAt));
        Counter.builder("photo.review.cases.decided").description("Photo review cases decided, by outcome")
                .tag("outcome", reviewCase.status.name()).register(metrics).increment();
        Timer.builder("photo.review.time.to.decision").description("From a photo review case's opening to its decision")
                .tag("trigger", reviewCase.trigger).register(metrics)
                .record(Duration.between(reviewCase.openedAt, reviewCase.decidedAt));
        LOG.infof("application %s: photo review case %s %s by %s", applicationId, reviewCase.caseId,
                reviewCase.status, decision.reviewerId());
    }

    /** The reviewer's own words, with the rules named and what the applicant does next. */
    static LocalizedText rejectionMessage(PhotoReviewDecision decision) {
        String rules = String.join(", ", decision.rules());
        String reasonEn = decision.reasonEn() == null ? decision.reason() : decision.reasonEn();
        return new LocalizedText("工作人员审核了您的照片（" + rules + "）：" + decision.reason() + "。请按要求重新拍照上传。",
                "A member of staff reviewed your photo (" + rules + "): " + reasonEn
                        + ". Please take a new photo as asked and upload it.");
    }

    private void refuse(PhotoReviewDecisionRecord row, String code, String reason) {
        row.outcome = PhotoReviewDecisionRecord.REFUSED;
        row.refusalCode = code;
        row.refusalReason = reason;
        String key = row.applicationId != null ? row.applicationId.toString()
                : row.caseId != null ? row.caseId : row.decisionKey;
        outbox.publish(key, new PhotoReviewDecisionRejected(row.decisionId, row.caseId,
                row.applicationId == null ? null : row.applicationId.toString(), row.reviewerId, code, reason,
                row.receivedValue, row.sourcePartition, row.sourceOffset, row.receivedAt));
        Counter.builder("photo.review.decisions.refused").description("Photo review decisions refused, by code")
                .tag("code", code).register(metrics).increment();
        LOG.warnf("photo review decision record %s refused: %s", row.decisionKey, code);
    }

    /** Why a decision record was refused; the code is the PhotoReviewDecisionRejected code. */
    private record Refusal(String code, String reason) {
    }

    private static Optional<PhotoReviewCase> caseOf(String caseId) {
        UUID id;
        try {
            id = caseId == null ? null : UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Locked: two decisions on one case in flight at once must not both find it pending.
        return id == null ? Optional.empty() : PhotoReviewCase.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
