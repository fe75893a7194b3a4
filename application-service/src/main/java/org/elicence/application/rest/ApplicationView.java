package org.elicence.application.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.elicence.application.domain.Application;
import org.elicence.application.domain.IssuedLicence;
import org.elicence.application.domain.LastPhotoAudit;
import org.elicence.application.domain.Notice;
import org.elicence.application.domain.PhotoReviewCase;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/**
 * The application as the mobile API returns it. Messages are in the language chosen from the request's
 * Accept-Language ({@code ProblemTexts.language}: {@code zh-CN} by default, {@code en}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationView(String id, String fullName, String status, String nextAction, Instant createdAt,
        Instant updatedAt, PhotoAuditView photoAudit, PhotoReviewView photoReview, NoticeView notice,
        IdCardView idCard, IssuedLicence licence) {

    /**
     * The latest staff review of a photo: PENDING while staff look at it, then APPROVED or REJECTED with the
     * rules the reviewer named and their reason, in the applicant's language.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhotoReviewView(String caseId, String status, String trigger, String photoId, Instant openedAt,
            Instant decidedAt, List<String> rules, String code, String reason) {

        public static PhotoReviewView of(PhotoReviewCase c, String language) {
            String reason = isEnglish(language) && c.reasonEn != null ? c.reasonEn : c.reason;
            return new PhotoReviewView(c.caseId.toString(), c.status.name(), c.trigger, c.photoId.toString(),
                    c.openedAt, c.decidedAt, c.rules, c.code, reason);
        }
    }

    /** {@code source}: {@code ID_REGISTRY} or {@code APPLICANT_UPLOAD}; absent for an audit shown before it was kept. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhotoAuditView(String verdict, String photoId, String source, List<FailureView> failures,
            List<FailureView> notAssessable, String annotatedImage) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailureView(String rule, String code, Double measured, String threshold, String unit,
            String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeView(String code, String message, List<FailureView> failures) {
    }

    public record IdCardView(String front, String back) {
    }

    public static ApplicationView of(Application a, String language) {
        return of(a, null, language);
    }

    public static ApplicationView of(Application a, PhotoReviewCase review, String language) {
        return new ApplicationView(a.id.toString(), a.fullName, a.status.name(), a.nextAction.name(), a.createdAt,
                a.updatedAt, photoAudit(a, language), review == null ? null : PhotoReviewView.of(review, language),
                notice(a.notice, language),
                a.idCardFront == null && a.idCardBack == null ? null : new IdCardView(a.idCardFront, a.idCardBack),
                a.licence);
    }

    private static PhotoAuditView photoAudit(Application a, String language) {
        LastPhotoAudit audit = a.photoAudit;
        if (audit == null || a.currentPhotoId == null || !audit.photoId().equals(a.currentPhotoId.toString())) {
            return null; // an older photo's, while the current one is audited
        }
        return new PhotoAuditView(nonNull(audit.verdict()), audit.photoId(),
                audit.source() == null ? null : audit.source().name(), checks(audit.checks(), "FAIL", language),
                checks(audit.checks(), "NOT_ASSESSABLE", language),
                "/api/v1/applications/" + a.id + "/photo/annotated");
    }

    private static NoticeView notice(Notice notice, String language) {
        if (notice == null) {
            return null;
        }
        List<FailureView> failures = notice.checks() == null ? null : checks(notice.checks(), "FAIL", language);
        return new NoticeView(nonNull(notice.code()), localized(notice.message(), language), failures);
    }

    /** One audit in the applicant's history: every check, the failed and unassessable ones first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhotoAuditAttemptView(String photoId, String source, String verdict, Instant auditedAt,
            List<CheckView> checks, String annotatedImage) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckView(String rule, String code, String verdict, Double measured, String threshold, String unit,
            String message) {
    }

    public static PhotoAuditAttemptView attempt(org.elicence.application.domain.PhotoAuditAttempt attempt,
            boolean annotated, String language) {
        List<CheckView> checks = attempt.checks.stream()
                .sorted(java.util.Comparator.comparingInt(c -> "PASS".equals(c.verdict()) ? 1 : 0))
                .map(c -> new CheckView(c.rule(), c.code(), c.verdict(), c.measured(), c.threshold(),
                        localized(c.unit(), language), localized(c.message(), language)))
                .toList();
        return new PhotoAuditAttemptView(attempt.photoId.toString(), attempt.source, attempt.verdict,
                attempt.auditedAt, checks,
                annotated ? "/api/v1/applications/" + attempt.applicationId + "/photo/annotated" : null);
    }

    private static List<FailureView> checks(List<RuleCheck> checks, String verdict, String language) {
        if (checks == null) {
            return List.of();
        }
        return checks.stream().filter(c -> verdict.equals(c.verdict()))
                .map(c -> new FailureView(nonNull(c.rule()), nonNull(c.code()), c.measured(), c.threshold(),
                        localized(c.unit(), language), localized(c.message(), language)))
                .toList();
    }

    private static String localized(LocalizedText message, String language) {
        if (message == null) {
            return null;
        }
        return isEnglish(language) ? message.en() : message.zhCN();
    }

    private static boolean isEnglish(String language) {
        return "en".equals(language);
    }

    /** A missing code, rule or verdict reads as an empty string, as the view always had it. */
    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
