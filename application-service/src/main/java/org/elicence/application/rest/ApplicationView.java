package org.elicence.application.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.application.domain.Application;

/**
 * The application as the mobile API returns it. Messages are in the language the client asked for
 * ({@code zh-CN} by default, {@code en}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationView(String id, String fullName, String status, String nextAction, Instant createdAt,
        Instant updatedAt, PhotoAuditView photoAudit, NoticeView notice, IdCardView idCard, JsonNode licence) {

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
        return new ApplicationView(a.id.toString(), a.fullName, a.status.name(), a.nextAction.name(), a.createdAt,
                a.updatedAt, photoAudit(a, language, json), notice(a, language, json),
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
