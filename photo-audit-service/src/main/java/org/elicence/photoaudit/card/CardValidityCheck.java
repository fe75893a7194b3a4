package org.elicence.photoaudit.card;

import java.time.LocalDate;
import java.util.Optional;

import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/**
 * ID21: the validity printed on the card's back (有效期限) has not ended. Judged only on a self-consistent
 * reading ({@link ValidityReader}: real dates, a 5-, 10- or 20-year term to the day, or 长期) whose start is not
 * after today: a card whose end date is before today FAILs with code CARD_EXPIRED; a long-term card or one whose
 * end date is today or later passes. A validity not read, or not self-consistent, is NOT_ASSESSABLE with code
 * VALIDITY_UNREADABLE: staff read it. The dates are not put into the result.
 */
final class CardValidityCheck {

    static final String VALIDITY_UNREADABLE = "VALIDITY_UNREADABLE";
    static final LocalizedText NOT_READ = new LocalizedText("未识别到有效期限，由审核人员核对。",
            "Not checked: the validity period was not read; staff will check it.");

    private CardValidityCheck() {
    }

    static RuleCheck check(Optional<ValidityReader.Validity> read, LocalDate today) {
        if (read.isEmpty() || read.get().start().isAfter(today)) {
            return IdCardRule.ID21.notAssessable(VALIDITY_UNREADABLE, NOT_READ);
        }
        ValidityReader.Validity validity = read.get();
        return IdCardRule.ID21.judge(validity.longTerm() || !validity.end().isBefore(today), null, ">= " + today,
                VALIDITY_END);
    }

    /** The date itself is not reported (docs/privacy.md): only whether it is still ahead. */
    private static final LocalizedText VALIDITY_END = new LocalizedText("身份证有效期的截止日期",
            "end of the card's validity");

    static final LocalizedText NO_CARD = new LocalizedText("未找到身份证，无法读取有效期限。",
            "Not checked: no card was found to read the validity from.");
}
