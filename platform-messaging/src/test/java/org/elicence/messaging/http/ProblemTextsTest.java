package org.elicence.messaging.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemTextsTest {

    private static final ProblemTexts TEXTS = new ProblemTexts(List.of("zh-CN", "en"));

    @Test
    void theWordsAreTheAskedLanguagesWithTheArgumentsInThem() {
        Problem english = TEXTS.problem(TEXTS.language("en-GB"), 414, "URI_TOO_LONG", 4096);
        assertEquals("URI Too Long", english.title());
        assertEquals("The request's URI is longer than this API accepts (4096 characters).", english.detail());
        assertEquals("URI_TOO_LONG", english.code());
        assertEquals("https://elicence.example/problems/uri-too-long", english.type());
        Problem chinese = TEXTS.problem(TEXTS.language(null), 414, "URI_TOO_LONG", 4096);
        assertEquals("请求地址过长", chinese.title());
        assertTrue(chinese.detail().contains("4096 个字符"), chinese.detail());
    }

    @Test
    void argumentsAreWrittenAsTheyAreWhateverTheyHold() {
        Problem problem = TEXTS.problem("en", 400, "INVALID_REQUEST", "fullName: $1 {0} \\ must not be blank");
        assertEquals("fullName: $1 {0} \\ must not be blank", problem.detail());
    }

    @Test
    void aFaultSaysOnlyItsCorrelationId() {
        Problem problem = TEXTS.internal("zh-CN", "c0ffee");
        assertEquals(500, problem.status());
        assertEquals("INTERNAL_ERROR", problem.code());
        assertEquals("c0ffee", problem.correlationId());
        assertTrue(problem.detail().contains("c0ffee"));
    }

    @Test
    void anyOtherHttpRefusalIsWrittenFromItsReasonPhrase() {
        assertEquals("Not found", TEXTS.httpStatus("en", 404, "NOT_FOUND", "Not Found").title());
        Problem teapot = TEXTS.httpStatus("zh-CN", 418, "HTTP_418", "I'm a teapot");
        assertEquals("HTTP_418", teapot.code());
        assertEquals("请求未能处理（HTTP 418 I'm a teapot）。", teapot.detail());
    }

    @Test
    void aLanguageTheServiceDoesNotWriteGetsItsDefault() {
        ProblemTexts english = new ProblemTexts(List.of("en"));
        assertEquals("en", english.language("zh-CN"));
        assertEquals("Authentication required", english.problem("zh-CN", 401, "UNAUTHENTICATED").title());
    }

    /** Every shared code is written in both languages, with the same arguments. */
    @Test
    void bothLanguagesHoldTheSameKeysWithTheSameArguments() {
        assertEquals(List.of(), TEXTS.gaps());
    }
}
