package org.elicence.application.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.application.domain.Application;
import org.elicence.application.domain.PhotoReviewCase;

/**
 * The application as the mobile API returns it. Messages are in the language the client asked for
 * ({@code zh-CN} by default, {@code en}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationView(String id, String fullName, String status, String nextAction, Instant createdAt,
        Instant updatedAt, PhotoAuditView photoAudit, PhotoReviewView photoReview, NoticeView notice,
        IdCardView idCard, JsonNode licence) {

    /**
     * The latest staff review of a photo: PENDING while staff look at it, then APPROVED or REJECTED with the
     * rules the reviewer named and their reason, in the applicant's language.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhotoReviewView(String caseId, String status, String trigger, String photoId, Instant openedAt,
            Instant decidedAt, List<String> rules, String code, String reason) {

        public static PhotoReviewView of(PhotoReviewCase c, String language) {
            String reason = Languages.isEnglish(language) && c.reasonEn != null ? c.reasonEn : c.reason;
            return new PhotoReviewView(c.caseId.toString(), c.status.name(), c.trigger, c.photoId.toString(),
                    c.openedAt, c.decidedAt, c.rules, c.code, reason);
        }
    }

    public record PhotoAuditView(String verdict, String photoId, List<FailureView> failures,
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

    public static ApplicationView of(Application a, String language, ObjectMapper json) {
        return of(a, null, language, json);
    }

    public static ApplicationView of(Application a, PhotoReviewCase review, String language, ObjectMapper json) {
        return new ApplicationView(a.id.toString(), a.fullName, a.status.name(), a.nextAction.name(), a.createdAt,
                a.updatedAt, photoAudit(a, language, json), review == null ? null : PhotoReviewView.of(review, language),
                notice(a, language, json),
                a.idCardFront == null && a.idCardBack == null ? null : new IdCardView(a.idCardFront, a.idCardBack),
                a.licence == null ? null : read(json, a.licence));
    }

    private static PhotoAuditView photoAudit(Application a, String language, ObjectMapper json) {
        if (a.photoAudit == null) {
            return null;
        }
        JsonNode audit = read(json, a.photoAudit);
        return new PhotoAuditView(audit.path("verdict").asText(), audit.path("photoId").asText(null),
                checks(audit.path("checks"), "FAIL", language), checks(audit.path("checks"), "NOT_ASSESSABLE", language),
                "/api/v1/applications/" + a.id + "/photo/annotated");
    }

    private static NoticeView notice(Application a, String language, ObjectMapper json) {
        if (a.notice == null) {
            return null;
        }
        JsonNode notice = read(json, a.notice);
        List<FailureView> failures = notice.has("checks") ? checks(notice.get("checks"), "FAIL", language) : null;
        return new NoticeView(notice.path("code").asText(), localized(notice.path("message"), language), failures);
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
                .map(c -> new CheckView(c.rule(), c.code(), c.verdict(), c.measured(), c.threshold(), c.unit(),
                        c.message() == null ? null : Languages.isEnglish(language) ? c.message().en()
                                : c.message().zhCN()))
                .toList();
        return new PhotoAuditAttemptView(attempt.photoId.toString(), attempt.source, attempt.verdict,
                attempt.auditedAt, checks,
                annotated ? "/api/v1/applications/" + attempt.applicationId + "/photo/annotated" : null);
    }

    private static List<FailureView> checks(JsonNode checks, String verdict, String language) {
        List<FailureView> selected = new ArrayList<>();
        for (JsonNode check : checks) {
            if (verdict.equals(check.path("verdict").asText())) {
                selected.add(new FailureView(check.path("rule").asText(), check.path("code").asText(),
                        check.hasNonNull("measured") ? check.get("measured").asDouble() : null,
                        check.path("threshold").asText(null), check.path("unit").asText(null),
                        localized(check.path("message"), language)));
            }
        }
        return selected;
    }

    private static String localized(JsonNode message, String language) {
        if (message.isMissingNode() || message.isNull()) {
            return null;
        }
        return message.path(Languages.isEnglish(language) ? "en" : "zh-CN").asText(null);
    }

    private static JsonNode read(ObjectMapper json, String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored view JSON is corrupt", e);
        }
    }
}
