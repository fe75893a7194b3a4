package org.elicence.messaging.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class AcceptLanguageTest {

    private static final List<String> APP = List.of("zh-CN", "en");

    @Test
    void noHeaderOrNothingWeWriteGetsTheDefault() {
        assertEquals("zh-CN", AcceptLanguage.choose(null, APP));
        assertEquals("zh-CN", AcceptLanguage.choose("  ", APP));
        assertEquals("zh-CN", AcceptLanguage.choose("*", APP));
        assertEquals("zh-CN", AcceptLanguage.choose("fr-FR, de;q=0.8", APP));
        assertEquals("en", AcceptLanguage.choose(null, List.of("en")));
    }

    @Test
    void theHighestWeightedLanguageWeWriteWins() {
        assertEquals("en", AcceptLanguage.choose("en", APP));
        assertEquals("en", AcceptLanguage.choose("en-GB,en;q=0.9", APP));
        assertEquals("en", AcceptLanguage.choose("fr-FR, en;q=0.5", APP));
        assertEquals("zh-CN", AcceptLanguage.choose("en;q=0.1, zh", APP));
        assertEquals("zh-CN", AcceptLanguage.choose("zh-TW", APP));
        assertEquals("zh-CN", AcceptLanguage.choose("ZH-hans-cn", APP));
        assertEquals("zh-CN", AcceptLanguage.choose("en;q=0", APP));
        assertEquals("zh-CN", AcceptLanguage.choose("*, en;q=0.5", APP));
        assertEquals("en", AcceptLanguage.choose("en, *;q=0.5", APP));
    }

    @Test
    void anUnreadableOrHugeHeaderGetsTheDefaultOrItsFirstRanges() {
        assertEquals("zh-CN", AcceptLanguage.choose("en;q=banana", APP));
        assertEquals("zh-CN", AcceptLanguage.choose(";;;,,,", APP));
        assertEquals("zh-CN", AcceptLanguage.choose("x".repeat(20_000), APP));
        assertEquals("en", AcceptLanguage.choose("en, " + "fr, ".repeat(5_000) + "zh", APP));
    }
}
