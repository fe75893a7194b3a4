package org.elicence.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The event schemas' patterns read as ECMA-262 means them. */
class EcmaScriptEndAnchorTest {

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
}
