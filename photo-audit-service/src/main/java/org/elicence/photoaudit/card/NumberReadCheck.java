package org.elicence.photoaudit.card;

import org.elicence.messaging.events.RuleCheck;

/** ID16: 18 characters were read from the card and their ISO 7064 MOD 11-2 check character is right. */
final class NumberReadCheck {

    private NumberReadCheck() {
    }

    static RuleCheck check(String read) {
        return IdCardRule.ID16.judge(ResidentIdNumber.hasValidCheckCharacter(read), null, "ISO 7064 MOD 11-2", null);
    }
}
