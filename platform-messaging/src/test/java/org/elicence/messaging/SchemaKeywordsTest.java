package org.elicence.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two places where the event schemas' validator reads a keyword as ECMA-262 and RFC 4648 mean it. */
class SchemaKeywordsTest {

    @Test
    void anEndAnchorBecomesTheEndOfTheText() {
        assertEquals("^[0-9a-f]{8}\\z", EcmaScriptEndAnchor.translate("^[0-9a-f]{8}$"));
        assertEquals("^(R[1-9]\\z|C[1-9]\\z)", EcmaScriptEndAnchor.translate("^(R[1-9]$|C[1-9]$)"));
    }

    @Test
    void aDollarThatIsNoAnchorStays() {
        assertEquals("^[$a]\\$\\z", EcmaScriptEndAnchor.translate("^[$a]\\$$"));
        assertEquals("[\\]$]x", EcmaScriptEndAnchor.translate("[\\]$]x"));
    }

    @Test
    void theTranslatedPatternRefusesATrailingLineBreakAndKeepsWhatMatched() {
        var uuid = EcmaScriptEndAnchor.INSTANCE.getRegularExpression("^[0-9a-f]{4}$");
        assertTrue(uuid.matches("0a1b"));
        assertFalse(uuid.matches("0a1b\n"));
        assertFalse(uuid.matches("0a1b\r"));
        assertTrue(EcmaScriptEndAnchor.INSTANCE.getRegularExpression("[0-9]").matches("a1b"), "unanchored finds");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "QQ==", "QUI=", "QUJD", "/9j/4AAQ", "a+b/" })
    void paddedBase64Is(String text) {
        assertTrue(Base64ContentKeyword.isBase64(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "QQ", "QQ=", "Q===", "QQ=A", "QU JD", "QUJD\n", "QUJD\r\nQUJD", "QUJ-", "QUJ_", "éUJD" })
    void anythingElseIsNot(String text) {
        assertFalse(Base64ContentKeyword.isBase64(text), text);
    }
}
