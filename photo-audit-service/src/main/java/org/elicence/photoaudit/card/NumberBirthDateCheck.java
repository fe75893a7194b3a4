package org.elicence.photoaudit.card;

import java.time.LocalDate;

import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/** ID17: the birth date in the number read is a real date, not in the future, at most the oldest plausible age. */
final class NumberBirthDateCheck {

    private static final LocalizedText AGE = new LocalizedText("号码中出生日期对应的年龄（岁）",
            "age by the birth date in the number (years)");

    private NumberBirthDateCheck() {
    }

    static RuleCheck check(String read, LocalDate today, int maxAge) {
        return IdCardRule.ID17.judge(ResidentIdNumber.hasPlausibleBirthDate(read, today, maxAge), null,
                "0-" + maxAge, AGE);
    }
}
