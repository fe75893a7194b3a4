package org.elicence.photoaudit.card;

import org.elicence.messaging.events.RuleCheck;

/**
 * ID19: the number printed on the card is the applicant's resident ID number; a card of someone else FAILs with
 * code ID_NUMBER_MISMATCH. Neither number goes into the result: it is shown to the applicant and sent on topics.
 */
final class NumberMatchesApplicantCheck {

    private NumberMatchesApplicantCheck() {
    }

    static RuleCheck check(String read, String applicantResidentId) {
        return IdCardRule.ID19.judge(read.equals(applicantResidentId));
    }
}
