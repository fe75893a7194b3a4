package org.elicence.application.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.domain.Application;
import org.elicence.application.domain.Notice;
import org.elicence.application.domain.PhotoReviewCase;
import org.elicence.application.domain.PhotoReviewDecisionRecord;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.PhotoReviewApproved;
import org.elicence.messaging.events.PhotoReviewCaseClosed;
import org.elicence.messaging.events.PhotoReviewDecision;
import org.elicence.messaging.events.PhotoReviewDecisionRejected;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.messaging.staff.OperatorCommandKind;
import org.elicence.messaging.staff.OperatorCommandType;
import org.elicence.messaging.staff.OperatorCommands;
import org.elicence.messaging.staff.Refusal;
import org.elicence.messaging.staff.StaffRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * Staff decisions on photo review cases ({@link PhotoReviewService} opens them), typed by reviewers with kcat and
 * read through platform-messaging's {@link OperatorCommands}: de-duplicated by {@code decisionId}, schema-checked,
 * obeyed only when signed by a reviewer of {@code applications.photo-review.reviewers}, refused onto
 * {@code photo-review-decisions-rejected} otherwise. Every record is kept in {@code photo_review_decision}.
 */
@ApplicationScoped
public class PhotoReviewDecisions implements OperatorCommandType<PhotoReviewDecision> {

    private static final Logger LOG = Logger.getLogger(PhotoReviewDecisions.class);
    static final String REJECTED_BY_REVIEWER = "REJECTED_BY_REVIEWER";

    private final ApplicationConfig config;
    private final Outbox outbox;
    private final MeterRegistry metrics;
    private final PersonalDataRetention retention;

    @Inject
    public PhotoReviewDecisions(ApplicationConfig config, Outbox outbox, MeterRegistry metrics,
            PersonalDataRetention retention) {
        this.config = config;
        this.outbox = outbox;
        this.metrics = metrics;
        this.retention = retention;
    }

    @Override
    public OperatorCommandKind<PhotoReviewDecision> kind() {
        return OperatorCommandKind.PHOTO_REVIEW_DECISION;
    }

    @Override
    public Set<String> authorisedOperators() {
        return config.photoReview().reviewers();
    }

    @Override
    public Optional<Refusal> apply(PhotoReviewDecision decision, StaffRecord record, String reviewer) {
        Optional<PhotoReviewCase> found = caseOf(record);
        Optional<Refusal> refusal = refusalOf(decision, found);
        if (refusal.isPresent()) {
            return refusal;
        }
        PhotoReviewCase reviewCase = found.get();
        PhotoReviewDecisionRecord row = PhotoReviewDecisionRecord.of(record, reviewer);
        row.accept(reviewCase.applicationId);
        boolean approve = PhotoReviewDecision.APPROVE.equals(decision.decision());
        reviewCase.status = approve ? PhotoReviewCase.Status.APPROVED : PhotoReviewCase.Status.REJECTED;
        reviewCase.decidedAt = row.receivedAt;
        reviewCase.decisionId = decision.decisionId();
        reviewCase.reviewerId = reviewer;
        reviewCase.rules = decision.rules();
        reviewCase.reason = decision.reason();
        reviewCase.reasonEn = decision.reasonEn();
        reviewCase.code = approve ? null : decision.code() == null ? REJECTED_BY_REVIEWER : decision.code();

        Application application = Application.findById(reviewCase.applicationId, LockModeType.PESSIMISTIC_WRITE);
        String applicationId = reviewCase.applicationId.toString();
        if (approve) {
            // Whatever the application's state, the issuer decides once per application.
            outbox.publish(applicationId, new PhotoReviewApproved(applicationId, application.applicantId,
                    reviewCase.caseId.toString(), reviewCase.photoId.toString(), reviewCase.portrait));
            application.photoReviewApproved();
        } else {
            application.photoReviewRejected(Notice.rejectedByReviewer(reviewCase.code, rejectionMessage(decision),
                    decision.rules()));
        }
        outbox.publish(applicationId, new PhotoReviewCaseClosed(reviewCase.caseId.toString(), applicationId,
                reviewCase.status.name(), decision.decisionId(), reviewer, decision.rules(),
                decision.reason(), row.receivedAt));
        Counter.builder("photo.review.cases.decided").description("Photo review cases decided, by outcome")
                .tag("outcome", reviewCase.status.name()).register(metrics).increment();
        Timer.builder("photo.review.time.to.decision").description("From a photo review case's opening to its decision")
                .tag("trigger", reviewCase.trigger).register(metrics)
                .record(Duration.between(reviewCase.openedAt, reviewCase.decidedAt));
        LOG.infof("application %s: photo review case %s %s by %s", applicationId, reviewCase.caseId,
                reviewCase.status, reviewer);
        return Optional.empty();
    }

    private Optional<Refusal> refusalOf(PhotoReviewDecision decision, Optional<PhotoReviewCase> found) {
        if (found.isEmpty()) {
            return Optional.of(new Refusal(PhotoReviewDecisionRejected.UNKNOWN_CASE, "no photo review case " + decision.caseId()));
        }
        PhotoReviewCase reviewCase = found.get();
        if (reviewCase.status != PhotoReviewCase.Status.PENDING) {
            return Optional.of(new Refusal(PhotoReviewDecisionRejected.CASE_ALREADY_DECIDED, "case " + reviewCase.caseId
                    + " was already " + reviewCase.status + " by decision " + reviewCase.decisionId));
        }
        if (PhotoReviewDecision.APPROVE.equals(decision.decision()) && reviewCase.portrait == null) {
            Application application = Application.findById(reviewCase.applicationId);
            if (application != null && retention.photosExpired(application.closedAt)) {
                // the retention deleted the case's images with its closed application's: not the audit's doing
                return Optional.of(new Refusal(PhotoReviewDecisionRejected.NO_PORTRAIT, "application "
                        + reviewCase.applicationId + " closed " + application.closedAt + " (" + application.status
                        + ") and the case's images were deleted with its photo; a decision would change nothing"));
            }
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

    /** The reviewer's own words, with the rules named and what the applicant does next. */
    static LocalizedText rejectionMessage(PhotoReviewDecision decision) {
        String rules = String.join(", ", decision.rules());
        String reasonEn = decision.reasonEn() == null ? decision.reason() : decision.reasonEn();
        return new LocalizedText("工作人员审核了您的照片（" + rules + "）：" + decision.reason() + "。请按要求重新拍照上传。",
                "A member of staff reviewed your photo (" + rules + "): " + reasonEn
                        + ". Please take a new photo as asked and upload it.");
    }

    @Override
    public void refuse(StaffRecord record, String reviewer, Refusal refusal) {
        PhotoReviewDecisionRecord row = PhotoReviewDecisionRecord.of(record, reviewer);
        row.refuse(caseOf(record).map(found -> found.applicationId).orElse(null), refusal);
        outbox.publish(row.rejectionKey(), new PhotoReviewDecisionRejected(row.decisionId, row.caseId,
                row.applicationId == null ? null : row.applicationId.toString(), row.reviewerId, refusal.code(),
                refusal.reason(), row.receivedValue, row.sourcePartition, row.sourceOffset, row.receivedAt));
        Counter.builder("photo.review.decisions.refused").description("Photo review decisions refused, by code")
                .tag("code", refusal.code()).register(metrics).increment();
    }

    /** The case the record names, locked: two decisions on one case in flight must not both find it pending. */
    private static Optional<PhotoReviewCase> caseOf(StaffRecord record) {
        return record.uuid("caseId").flatMap(id -> PhotoReviewCase.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
