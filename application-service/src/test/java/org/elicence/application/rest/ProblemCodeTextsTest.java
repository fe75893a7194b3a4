package org.elicence.application.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.elicence.application.service.ProblemCode;
import org.elicence.messaging.http.ProblemTexts;
import org.junit.jupiter.api.Test;

/** Every refusal of the mobile API has its words in Chinese and English, with the same arguments in both. */
class ProblemCodeTextsTest {

    private static final ProblemTexts TEXTS = new ProblemTexts(List.of("zh-CN", "en"));

    @Test
    void everyCodeAndVariantIsWrittenInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (ProblemCode code : ProblemCode.values()) {
            List<String> keys = new ArrayList<>(List.of(code + ".title", code + ".detail"));
            code.variants().forEach(variant -> keys.add(code + ".detail." + variant));
            keys.stream().filter(key -> !TEXTS.hasText(key)).forEach(missing::add);
        }
        assertEquals(List.of(), missing);
        assertEquals(List.of(), TEXTS.gaps());
    }

    @Test
    void aChineseRefusalCarriesItsArguments() {
        String detail = TEXTS.problem("zh-CN", 429, ProblemCode.TOO_MANY_UPLOADS.name(), 5, 60).detail();
        assertTrue(detail.contains("60 秒") && detail.contains("5 张"), detail);
    }
}
