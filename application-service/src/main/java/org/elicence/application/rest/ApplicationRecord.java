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
import org.elicence.application.domain.Notice;
import org.elicence.application.domain.PhotoAuditAttempt;
import org.elicence.application.domain.PhotoReviewCase;
import org.elicence.application.domain.PhotoReviewDecisionRecord;
import org.elicence.messaging.events.RuleCheck;

/**
 * An applicant's whole record as application-service knows it, for staff (GET /internal/applications/{id}/record):
 * the application and its notice, every photo attempt with every check (measured value, threshold, guidance in both
 * languages) and a link to its annotated image, every photo review case with every decision record read for it
 * (refused ones too), and what the application knows of the ID card. The card's uploads, checks and reviews are
 * idcard-service's: {@code idCard.record} is the path of its record there. No status history is stored; the times of
 * attempts, cases and decisions are the history.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationRecord(String applicationId, String applicantId, String fullName, String status,
        String nextAction, Instant createdAt, Instant updatedAt, Instant closedAt, String currentPhotoId, Notice notice,
        List<Attempt> photoAttempts, List<ReviewCase> photoReviews, IdCard idCard, Licence licence) {

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
     * The outcome of each side as the application last heard it from idcard-service (RECEIVED, PASS, FAIL …); the
     * uploads themselves, their checks and the card's review cases are in idcard-service's record at {@code record}.
     */
    public record IdCard(String front, String back, String service, String record) {
    }

    /** The licence issued, without its credentials (GET /api/v1/applications/{id}/licence has them). */
    public record Licence(String licenceNumber, String status, List<String> licenceClasses, LocalDate validFrom,
            LocalDate validUntil, String issuingAuthority, Instant issuedAt) {
    }

    public static ApplicationRecord of(Application a, List<PhotoAuditAttempt> attempts, Set<UUID> annotated,
            List<PhotoReviewCase> cases, List<PhotoReviewDecisionRecord> decisions) {
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
        IdCard idCard = new IdCard(a.idCardFront, a.idCardBack, "idcard-service",
                "/internal/applicants/" + a.id + "/record");
        Licence licence = a.licence == null ? null : new Licence(a.licence.licenceNumber(), a.licence.status(),
                a.licence.licenceClasses(), a.licence.validFrom(), a.licence.validUntil(),
                a.licence.issuingAuthority(), a.licence.issuedAt());
        return new ApplicationRecord(a.id.toString(), a.applicantId, a.fullName, a.status.name(), a.nextAction.name(),
                a.createdAt, a.updatedAt, a.closedAt, a.currentPhotoId == null ? null : a.currentPhotoId.toString(),
                a.notice, attemptViews, caseViews, idCard, licence);
    }
}
