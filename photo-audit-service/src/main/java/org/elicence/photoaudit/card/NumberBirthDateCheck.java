package org.elicence.photoaudit.card;

import java.time.LocalDate;

import org.elicence.messaging.events.RuleCheck;

/** ID17: the birth date in the number read is a real date, not in the future, at most the oldest plausible age. */
final class NumberBirthDateCheck {

    private NumberBirthDateCheck() {
    }

    static RuleCheck check(String read, LocalDate today, int maxAge) {
        return IdCardRule.ID17.judge(ResidentIdNumber.hasPlausibleBirthDate(read, today, maxAge), null,
                "age 0-" + maxAge, null);
    }
}
