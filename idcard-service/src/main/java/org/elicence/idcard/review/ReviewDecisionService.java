package org.elicence.idcard.review;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.idcard.config.ReviewConfig;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.IdCardRejected;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewDecision;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.messaging.staff.OperatorCommandType;
import org.elicence.messaging.staff.OperatorCommands;
import org.elicence.messaging.staff.Refusal;
import org.elicence.messaging.staff.StaffRecord;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * Staff decisions on ID-card review cases, typed by reviewers with kcat and read through platform-messaging's
 * {@link OperatorCommands} (de-duplicated by {@code decisionId}, schema-checked, obeyed only when signed by a
 * reviewer of {@code idcard.review.reviewers}). A decision that cannot be applied is refused onto
 * {@code idcard-review-decisions-rejected} and the case stays pending. Every decision record, applied or
 * refused, is kept in {@code review_decision} for the applicant's record.
 */
@ApplicationScoped
public class ReviewDecisionService implements OperatorCommandType<IdCardReviewDecision> {

    private static final Logger LOG = Logger.getLogger(ReviewDecisionService.class);
    static final String REJECTED_BY_REVIEWER = "REJECTED_BY_REVIEWER";

    private final ReviewConfig config;
    private final ReviewCaseService cases;
    private final Outbox outbox;
    private final OperatorCommands commands;

    @Inject
    public ReviewDecisionService(ReviewConfig config, ReviewCaseService cases, Outbox outbox,
            OperatorCommands commands) {
        this.config = config;
        this.cases = cases;
        this.outbox = outbox;
        this.commands = commands;
    }

    public void onDecisionRecord(ConsumerRecord<String, String> record) {
        commands.handle(record, this);
    }

    @Override
    public String consumer() {
        return Topics.IDCARD_REVIEW_DECISIONS;
    }

    @Override
    public EventType type() {
        return EventType.ID_CARD_REVIEW_DECISION;
    }

    @Override
    public Class<IdCardReviewDecision> payload() {
        return IdCardReviewDecision.class;
    }

    @Override
    public String idField() {
        return "decisionId";
    }

    @Override
    public String operatorField() {
        return "reviewerId";
    }

    @Override
    public Set<String> authorisedOperators() {
        return config.reviewers();
    }

    @Override
    public String malformedCode() {
        return IdCardReviewDecisionRejected.MALFORMED_DECISION;
    }

    @Override
    public String notAuthorisedCode() {
        return IdCardReviewDecisionRejected.REVIEWER_NOT_AUTHORISED;
    }

    @Override
    public Optional<Refusal> apply(IdCardReviewDecision decision, StaffRecord record, String reviewer) {
        Optional<ReviewCase> found = caseOf(decision.caseId());
        if (found.isEmpty()) {
            return Optional.of(new Refusal(IdCardReviewDecisionRejected.UNKNOWN_CASE, "no review case " + decision.caseId()));
        }
        ReviewCase reviewCase = found.get();
        if (reviewCase.status != ReviewCase.Status.PENDING) {
            return Optional.of(new Refusal(IdCardReviewDecisionRejected.CASE_ALREADY_DECIDED, "case " + decision.caseId()
                    + " was already " + reviewCase.status + " by decision " + reviewCase.decisionId));
        }
        ReviewDecision row = row(record, reviewer);
        row.applicationId = reviewCase.applicationId;
        String applicationId = reviewCase.applicationId.toString();
        boolean approve = IdCardReviewDecision.APPROVE.equals(decision.decision());
        reviewCase.status = approve ? ReviewCase.Status.APPROVED : ReviewCase.Status.REJECTED;
        reviewCase.decidedAt = row.receivedAt;
        reviewCase.decisionId = decision.decisionId();
        row.outcome = ReviewDecision.ACCEPTED;
        row.persist();
        if (approve) {
            IdCardUpload front = IdCardUpload.findById(reviewCase.frontUploadId);
            outbox.publish(applicationId, new IdCardApproved(applicationId, reviewCase.applicantId,
                    reviewCase.caseId.toString(), cases.portrait(front)));
        } else {
            outbox.publish(applicationId, new IdCardRejected(applicationId, reviewCase.caseId.toString(),
                    decision.code() == null ? REJECTED_BY_REVIEWER : decision.code(), rejectionMessage(decision)));
        }
        outbox.publish(applicationId, new IdCardReviewCaseClosed(reviewCase.caseId.toString(), applicationId,
                reviewCase.status.name(), decision.decisionId(), reviewer, decision.reason(), row.receivedAt));
        LOG.infof("application %s: review case %s %s by %s", applicationId, reviewCase.caseId, reviewCase.status,
                reviewer);
        return Optional.empty();
    }

    /** The reviewer's own words, framed with what the applicant does next. */
    static LocalizedText rejectionMessage(IdCardReviewDecision decision) {
        String reasonEn = decision.reasonEn() == null ? decision.reason() : decision.reasonEn();
        return new LocalizedText("身份证审核未通过：" + decision.reason() + "。请按要求重新上传身份证正面和反面的照片。",
                "Your ID card was not accepted: " + reasonEn
                        + ". Please upload new photos of the front and back of your ID card.");
    }

    @Override
    public void refuse(StaffRecord record, String reviewer, Refusal refusal) {
        ReviewDecision row = row(record, reviewer);
        caseOf(row.caseId).ifPresent(found -> row.applicationId = found.applicationId);
        row.outcome = ReviewDecision.REFUSED;
        row.refusalCode = refusal.code();
        row.refusalReason = refusal.reason();
        row.persist();
        String key = row.applicationId != null ? row.applicationId.toString()
                : row.caseId != null ? row.caseId : row.decisionKey;
        outbox.publish(key, new IdCardReviewDecisionRejected(row.decisionId, row.caseId,
                row.applicationId == null ? null : row.applicationId.toString(), row.reviewerId, refusal.code(),
                refusal.reason(), row.receivedValue, row.sourcePartition, row.sourceOffset, row.receivedAt));
    }

    /** The decision as received; the reviewer is the signer when there is one, else the id as typed. */
    private ReviewDecision row(StaffRecord record, String reviewer) {
        ReviewDecision row = new ReviewDecision();
        row.decisionKey = record.dedupKey("decisionId");
        row.decisionId = record.text("decisionId");
        row.caseId = record.text("caseId");
        row.reviewerId = reviewer != null ? reviewer : record.text("reviewerId");
        row.decision = record.text("decision");
        row.reason = record.text("reason");
        row.reasonEn = record.text("reasonEn");
        row.receivedValue = record.value();
        row.sourcePartition = record.partition();
        row.sourceOffset = record.offset();
        row.receivedAt = Instant.now();
        return row;
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
