package org.elicence.messaging.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A text for the applicant in both languages the mobile app supports. */
public record LocalizedText(@JsonProperty("zh-CN") String zhCN, @JsonProperty("en") String en) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public LocalizedText {
    }

    /**
     * A text written in English only: a check's {@code unit} in events and stored views written before 2026-12-04
     * was a single English string. It reads the same in both languages.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LocalizedText englishOnly(String en) {
        return new LocalizedText(en, en);
    }

    public String in(String language) {
        return language != null && language.toLowerCase().startsWith("en") ? en : zhCN;
    }
}
