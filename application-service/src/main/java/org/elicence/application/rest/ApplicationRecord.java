package org.elicence.application.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.elicence.application.domain.Application;
import org.elicence.application.domain.IdCardReviewCaseRecord;
import org.elicence.application.domain.IdCardReviewDecisionRecord;
import org.elicence.application.domain.IdCardUpload;
import org.elicence.application.domain.Notice;
import org.elicence.application.domain.PhotoAuditAttempt;
import org.elicence.application.domain.PhotoReviewCase;
import org.elicence.application.domain.PhotoReviewDecisionRecord;
import org.elicence.application.domain.StatusChange;
import org.elicence.messaging.events.RuleCheck;

/**
 * An applicant's whole record as application-service knows it, for staff (GET /internal/applications/{id}/record):
 * the application and its notice, every photo attempt with every check (measured value, threshold, guidance in both
 * languages) and a link to its annotated image, every photo review case with every decision record read for it
 * (refused ones too), and the ID card: every upload with its checks and every card review case with its decisions,
 * as heard from idcard-service's events (its images are in idcard-service's record, {@code idCard.record}), and
 * every status the application moved to ({@code statusHistory}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationRecord(String applicationId, String applicantId, String fullName, String status,
        String nextAction, Instant createdAt, Instant updatedAt, Instant closedAt, String currentPhotoId, Notice notice,
        List<StatusChange> statusHistory, List<Attempt> photoAttempts, List<ReviewCase> photoReviews, IdCard idCard, Licence licence) {

    /** One audit of one photo, as photo-audit-service reported it. */
    public record Attempt(String photoId, String source, String verdict, Instant auditedAt, Instant receivedAt,
            boolean current, List<RuleCheck> checks, String annotatedImage) {
    }

    /** A photo review case, its outcome and every decision record read for it, in the order received. */
    public record ReviewCase(String caseId, String photoId, String trigger, String status, Instant openedAt,
            Instant decidedAt, String decisionId, String reviewerId, List<String> rules, String code, String reason,
            String reasonEn, List<RuleCheck> checks, boolean portrait, String annotatedImage,
            List<Decision> decisions) {
    }

    /** A decision record as read from photo-review-decisions: accepted, or refused and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String decisionKey, String decisionId, String reviewerId, String decision, String outcome,
            String refusalCode, String refusalReason, Instant receivedAt) {
    }

    /**
     * The ID card as this service heard it from idcard-service's events: the outcome of each side (RECEIVED, PASS,
     * FAIL …), every upload with its checks, newest first, and every card review case, oldest first, with every
     * decision read for it (refused ones too). The images are idcard-service's, in its record at {@code record}.
     */
    public record IdCard(String front, String back, List<CardUpload> uploads, List<CardReviewCase> reviewCases,
            String service, String record) {

        static IdCard of(Application a, List<IdCardUpload> uploads, List<IdCardReviewCaseRecord> cases,
                List<IdCardReviewDecisionRecord> decisions) {
            Map<String, List<CardDecision>> byCase = decisions.stream().collect(Collectors.groupingBy(
                    d -> String.valueOf(d.caseId), Collectors.mapping(d -> new CardDecision(d.decisionId,
                            d.reviewerId, d.outcome, d.result, d.refusalCode, d.refusalReason, d.receivedAt),
                            Collectors.toList())));
            return new IdCard(a.idCardFront, a.idCardBack,
                    uploads.stream().map(u -> new CardUpload(u.uploadId.toString(), u.side, u.uploadedAt, u.verdict,
                            u.checkedAt, u.checks)).toList(),
                    cases.stream().map(c -> new CardReviewCase(c.caseId.toString(), c.status, c.uploadReason,
                            c.openedAt, text(c.frontUploadId), text(c.backUploadId), c.frontChecks, c.backChecks,
                            c.closedAt, c.decisionId, c.reviewerId, c.reason,
                            byCase.getOrDefault(c.caseId.toString(), List.of()))).toList(),
                    "idcard-service", "/internal/applicants/" + a.id + "/record");
        }
    }

    /** One uploaded card side: when it was received, and idcard-service's checks (null until reported). */
    public record CardUpload(String uploadId, String side, Instant uploadedAt, String verdict, Instant checkedAt,
            List<RuleCheck> checks) {
    }

    /** A card review case as idcard-service opened and closed it. */
    public record CardReviewCase(String caseId, String status, String uploadReason, Instant openedAt,
            String frontUploadId, String backUploadId, List<RuleCheck> frontChecks, List<RuleCheck> backChecks,
            Instant closedAt, String decisionId, String reviewerId, String reason, List<CardDecision> decisions) {
    }

    /** A decision on a card case: ACCEPTED (with its result, APPROVED or REJECTED) or REFUSED and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CardDecision(String decisionId, String reviewerId, String outcome, String result,
            String refusalCode, String refusalReason, Instant receivedAt) {
    }

    /** The licence issued, without its credentials (GET /api/v1/applications/{id}/licence has them). */
    public record Licence(String licenceNumber, String status, List<String> licenceClasses, LocalDate validFrom,
            LocalDate validUntil, String issuingAuthority, Instant issuedAt) {
    }

    public static ApplicationRecord of(Application a, List<PhotoAuditAttempt> attempts, Set<UUID> annotated,
            List<PhotoReviewCase> cases, List<PhotoReviewDecisionRecord> decisions, IdCard idCard) {
        String base = "/internal/applications/" + a.id + "/photo-attempts/";
        List<Attempt> attemptViews = attempts.stream()
                .map(t -> new Attempt(t.photoId.toString(), t.source, t.verdict, t.auditedAt, t.receivedAt,
                        t.photoId.equals(a.currentPhotoId), t.checks,
                        annotated.contains(t.photoId) ? base + t.photoId + "/annotated.jpg" : null))
                .toList();
        Map<String, List<Decision>> byCase = decisions.stream()
                .sorted(Comparator.comparing(d -> d.receivedAt))
                .collect(Collectors.groupingBy(d -> String.valueOf(d.caseId), Collectors.mapping(
                        d -> new Decision(d.decisionKey, d.decisionId, d.reviewerId, d.decision, d.outcome,
                                d.refusalCode, d.refusalReason, d.receivedAt),
                        Collectors.toList())));
        List<ReviewCase> caseViews = cases.stream()
                .map(c -> new ReviewCase(c.caseId.toString(), c.photoId.toString(), c.trigger, c.status.name(),
                        c.openedAt, c.decidedAt, c.decisionId, c.reviewerId, c.rules, c.code, c.reason, c.reasonEn,
                        c.checks, c.portrait != null,
                        annotated.contains(c.photoId) ? base + c.photoId + "/annotated.jpg" : null,
                        byCase.getOrDefault(c.caseId.toString(), List.of())))
                .toList();
        Licence licence = a.licence == null ? null : new Licence(a.licence.licenceNumber(), a.licence.status(),
                a.licence.licenceClasses(), a.licence.validFrom(), a.licence.validUntil(),
                a.licence.issuingAuthority(), a.licence.issuedAt());
        return new ApplicationRecord(a.id.toString(), a.applicantId, a.fullName, a.status.name(), a.nextAction.name(),
                a.createdAt, a.updatedAt, a.closedAt, a.currentPhotoId == null ? null : a.currentPhotoId.toString(),
                a.notice, a.statusHistory, attemptViews, caseViews, idCard, licence);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
