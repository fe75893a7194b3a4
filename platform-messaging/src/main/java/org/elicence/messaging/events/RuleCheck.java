package org.elicence.messaging.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule's result on a photo or an ID-card image: {@code verdict} is PASS, FAIL or NOT_ASSESSABLE;
 * {@code measured} and {@code threshold} say why, {@code unit} what was measured and {@code message} how to fix it,
 * both in Chinese and English (photo-rules.md: "which rule failed, what was measured, and how to fix it").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleCheck(String rule, String code, String verdict, Double measured, String threshold,
        LocalizedText unit, LocalizedText message) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String NOT_ASSESSABLE = "NOT_ASSESSABLE";

    public boolean failed() {
        return FAIL.equals(verdict);
    }
}
