package org.elicence.idcard.review;

import java.util.Optional;
import java.util.Set;

import org.elicence.idcard.config.ReviewConfig;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.IdCardRejected;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewDecision;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.messaging.staff.OperatorCommandKind;
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

    @Inject
    public ReviewDecisionService(ReviewConfig config, ReviewCaseService cases, Outbox outbox) {
        this.config = config;
        this.cases = cases;
        this.outbox = outbox;
    }

    @Override
    public OperatorCommandKind<IdCardReviewDecision> kind() {
        return OperatorCommandKind.ID_CARD_REVIEW_DECISION;
    }

    @Override
    public Set<String> authorisedOperators() {
        return config.reviewers();
    }

    @Override
    public Optional<Refusal> apply(IdCardReviewDecision decision, StaffRecord record, String reviewer) {
        Optional<ReviewCase> found = caseOf(record);
        if (found.isEmpty()) {
            return Optional.of(new Refusal(IdCardReviewDecisionRejected.UNKNOWN_CASE, "no review case " + decision.caseId()));
        }
        ReviewCase reviewCase = found.get();
        if (reviewCase.status == ReviewCase.Status.WITHDRAWN || reviewCase.status == ReviewCase.Status.SUPERSEDED) {
            return Optional.of(new Refusal(IdCardReviewDecisionRejected.CASE_ALREADY_DECIDED, "case " + decision.caseId()
                    + " was closed undecided: its application was " + (reviewCase.status == ReviewCase.Status.WITHDRAWN
                            ? "withdrawn" : "settled on a photo, from which the licence is made")));
        }
        if (reviewCase.status != ReviewCase.Status.PENDING) {
            return Optional.of(new Refusal(IdCardReviewDecisionRejected.CASE_ALREADY_DECIDED, "case " + decision.caseId()
                    + " was already " + reviewCase.status + " by decision " + reviewCase.decisionId));
        }
        boolean approve = IdCardReviewDecision.APPROVE.equals(decision.decision());
        IdCardUpload front = IdCardUpload.findById(reviewCase.frontUploadId);
        if (approve && front.portrait == null) {
            return Optional.of(new Refusal(IdCardReviewDecisionRejected.NO_PORTRAIT, "case " + decision.caseId()
                    + " has no licence portrait (the portrait audit could not frame the card's face): nothing to issue"
                    + " the licence from; reject it and say why, so the applicant photographs the front again or"
                    + " uploads a portrait"));
        }
        if (approve && !reviewCase.showsTheLatestSides()) {
            return Optional.of(new Refusal(IdCardReviewDecisionRejected.SIDES_REPLACED, "case " + decision.caseId()
                    + " shows a front or back the applicant has since uploaded again: the licence cannot be made from"
                    + " an image the applicant replaced; reject it and say why (the applicant is asked for both sides"
                    + " again, and the new pair opens a new case)"));
        }
        ReviewDecision row = ReviewDecision.applied(decision, record, reviewer);
        row.accept(reviewCase.applicationId);
        String applicationId = reviewCase.applicationId.toString();
        reviewCase.status = approve ? ReviewCase.Status.APPROVED : ReviewCase.Status.REJECTED;
        reviewCase.decidedAt = row.receivedAt;
        reviewCase.decisionId = decision.decisionId();
        if (approve) {
            outbox.publish(applicationId, new IdCardApproved(applicationId, reviewCase.applicantId,
                    reviewCase.caseId.toString(), cases.portrait(front)));
        } else {
            outbox.publish(applicationId, new IdCardRejected(applicationId, reviewCase.caseId.toString(),
                    decision.code() == null ? REJECTED_BY_REVIEWER : decision.code(),
                    IdCardRejected.reviewerMessage(decision.reason(), decision.reasonEn())));
        }
        outbox.publish(applicationId, new IdCardReviewCaseClosed(reviewCase.caseId.toString(), applicationId,
                reviewCase.status.name(), decision.decisionId(), reviewer, decision.reason(), decision.reasonEn(),
                row.receivedAt));
        LOG.infof("application %s: review case %s %s by %s", applicationId, reviewCase.caseId, reviewCase.status,
                reviewer);
        return Optional.empty();
    }


    @Override
    public void refuse(StaffRecord record, String reviewer, Refusal refusal) {
        ReviewDecision row = ReviewDecision.of(record, reviewer);
        row.refuse(caseOf(record).map(found -> found.applicationId).orElse(null), refusal);
        outbox.publish(row.rejectionKey(), new IdCardReviewDecisionRejected(row.decisionId, row.caseId,
                row.applicationId == null ? null : row.applicationId.toString(), row.reviewerId, refusal.code(),
                refusal.reason(), row.receivedValue, row.sourcePartition, row.sourceOffset, row.receivedAt));
    }

    /** The case the record names, locked: two decisions on one case in flight must not both find it pending. */
    private static Optional<ReviewCase> caseOf(StaffRecord record) {
        return record.uuid("caseId").flatMap(id -> ReviewCase.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
