package org.elicence.idcard.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.idcard.config.ReviewConfig;
import org.elicence.messaging.EventType;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.IdCardRejected;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewDecision;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.messaging.staff.StaffRecord;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Staff decisions, typed by operators with kcat. They carry no CloudEvents headers, so this reads the
 * JSON body itself and de-duplicates by {@code decisionId}: the decision's row and its effect commit
 * together, and a redelivered record finds the row. A decision that cannot be applied is refused
 * onto {@code idcard-review-decisions-rejected} and the case stays pending; a record that is not
 * JSON at all is poison and goes to the dead-letter topic.
 */
@ApplicationScoped
public class ReviewDecisionService {

    private static final Logger LOG = Logger.getLogger(ReviewDecisionService.class);
    static final String REJECTED_BY_REVIEWER = "REJECTED_BY_REVIEWER";

    private final ObjectMapper objectMapper;
    private final ReviewConfig config;
    private final ReviewCaseService cases;
    private final Outbox outbox;

    @Inject
    public ReviewDecisionService(ObjectMapper objectMapper, ReviewConfig config, ReviewCaseService cases,
            Outbox outbox) {
        this.objectMapper = objectMapper;
        this.config = config;
        this.cases = cases;
        this.outbox = outbox;
    }

    @Transactional
    public void onDecisionRecord(ConsumerRecord<String, String> record) {
        // Valid JSON that is not a decision object is refused as malformed, not dead-lettered.
        StaffRecord typed = StaffRecord.read(record, objectMapper, "decision");
        String decisionId = typed.text("decisionId");
        String key = typed.dedupKey("decisionId");
        if (ReviewDecision.findById(key) != null) {
            LOG.infof("decision %s was already handled, ignoring the redelivery", key);
            return;
        }
        ReviewDecision row = new ReviewDecision();
        row.decisionKey = key;
        row.decisionId = decisionId;
        row.caseId = typed.text("caseId");
        row.reviewerId = typed.text("reviewerId");
        row.decision = typed.text("decision");
        row.reason = typed.text("reason");
        row.reasonEn = typed.text("reasonEn");
        row.receivedValue = record.value();
        row.sourcePartition = record.partition();
        row.sourceOffset = record.offset();
        row.receivedAt = Instant.now();

        Optional<ReviewCase> reviewCase = caseOf(row.caseId);
        reviewCase.ifPresent(found -> row.applicationId = found.applicationId);
        Optional<DecisionRefusal> refusal = validate(typed, row, reviewCase);
        if (refusal.isPresent()) {
            refuse(row, refusal.get());
        } else {
            apply(typed.as(IdCardReviewDecision.class, objectMapper), reviewCase.get(), row);
        }
        row.persist();
    }

    private Optional<DecisionRefusal> validate(StaffRecord typed, ReviewDecision row,
            Optional<ReviewCase> reviewCase) {
        List<String> violations = typed.violations(EventType.ID_CARD_REVIEW_DECISION);
        if (!violations.isEmpty()) {
            return Optional.of(new DecisionRefusal(IdCardReviewDecisionRejected.MALFORMED_DECISION,
                    "the decision does not match its schema (docs/operator-runbook.md): "
                            + String.join("; ", violations)));
        }
        if (!config.reviewers().contains(row.reviewerId)) {
            return Optional.of(new DecisionRefusal(IdCardReviewDecisionRejected.REVIEWER_NOT_AUTHORISED,
                    "reviewer " + row.reviewerId + " is not in idcard.review.reviewers"));
        }
        if (reviewCase.isEmpty()) {
            return Optional.of(new DecisionRefusal(IdCardReviewDecisionRejected.UNKNOWN_CASE,
                    "no review case " + row.caseId));
        }
        if (reviewCase.get().status != ReviewCase.Status.PENDING) {
            return Optional.of(new DecisionRefusal(IdCardReviewDecisionRejected.CASE_ALREADY_DECIDED,
                    "case " + row.caseId + " was already " + reviewCase.get().status + " by decision "
                            + reviewCase.get().decisionId));
        }
        return Optional.empty();
    }

    private void apply(IdCardReviewDecision decision, ReviewCase reviewCase, ReviewDecision row) {
        String applicationId = reviewCase.applicationId.toString();
        boolean approve = IdCardReviewDecision.APPROVE.equals(decision.decision());
        reviewCase.status = approve ? ReviewCase.Status.APPROVED : ReviewCase.Status.REJECTED;
        reviewCase.decidedAt = row.receivedAt;
        reviewCase.decisionId = decision.decisionId();
        row.outcome = ReviewDecision.ACCEPTED;
        if (approve) {
            IdCardUpload front = IdCardUpload.findById(reviewCase.frontUploadId);
            outbox.publish(applicationId, new IdCardApproved(applicationId, reviewCase.applicantId,
                    reviewCase.caseId.toString(), cases.portrait(front)));
        } else {
            outbox.publish(applicationId, new IdCardRejected(applicationId, reviewCase.caseId.toString(),
                    decision.code() == null ? REJECTED_BY_REVIEWER : decision.code(), rejectionMessage(decision)));
        }
        outbox.publish(applicationId, new IdCardReviewCaseClosed(reviewCase.caseId.toString(), applicationId,
                reviewCase.status.name(), decision.decisionId(), decision.reviewerId(), decision.reason(),
                row.receivedAt));
        LOG.infof("application %s: review case %s %s by %s", applicationId, reviewCase.caseId, reviewCase.status,
                decision.reviewerId());
    }

    /** The reviewer's own words, framed with what the applicant does next. */
    static LocalizedText rejectionMessage(IdCardReviewDecision decision) {
        String reasonEn = decision.reasonEn() == null ? decision.reason() : decision.reasonEn();
        return new LocalizedText("身份证审核未通过：" + decision.reason() + "。请按要求重新上传身份证正面和反面的照片。",
                "Your ID card was not accepted: " + reasonEn
                        + ". Please upload new photos of the front and back of your ID card.");
    }

    private void refuse(ReviewDecision row, DecisionRefusal refusal) {
        row.outcome = ReviewDecision.REFUSED;
        row.refusalCode = refusal.code();
        row.refusalReason = refusal.reason();
        String key = row.applicationId != null ? row.applicationId.toString()
                : row.caseId != null ? row.caseId : row.decisionKey;
        outbox.publish(key, new IdCardReviewDecisionRejected(row.decisionId, row.caseId,
                row.applicationId == null ? null : row.applicationId.toString(), row.reviewerId, refusal.code(),
                refusal.reason(), row.receivedValue, row.sourcePartition, row.sourceOffset, row.receivedAt));
        LOG.warnf("decision record %s refused: %s", row.decisionKey, refusal.code());
    }

    private static Optional<ReviewCase> caseOf(String caseId) {
        UUID id;
        try {
            id = caseId == null ? null : UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Locked: two decisions on one case in flight at once must not both find it pending.
        return id == null ? Optional.empty() : ReviewCase.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
