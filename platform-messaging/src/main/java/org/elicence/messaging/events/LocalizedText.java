package org.elicence.messaging.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A message for the applicant in both languages the mobile app supports. */
public record LocalizedText(@JsonProperty("zh-CN") String zhCN, @JsonProperty("en") String en) {

    public String in(String language) {
        return language != null && language.toLowerCase().startsWith("en") ? en : zhCN;
    }
}
