package org.elicence.idcard.check;

import java.time.LocalDate;
import java.util.List;

import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/**
 * Rules ID16-ID19 on the resident ID number the upload was made under. The number is not read from
 * the card (no OCR here): staff compare the printed number with the one in the review case.
 */
final class IdNumberChecks {

    private static final LocalizedText APPLICATION_NOT_KNOWN = new LocalizedText(
            "尚未收到申请信息，将由审核人员核对。", "The application is not known yet; staff will compare the numbers.");

    private IdNumberChecks() {
    }

    static List<RuleCheck> check(String declared, String applicant, LocalDate today, int maxAge) {
        RuleCheck matches = applicant == null
                ? IdCardRule.ID19.notAssessable(APPLICATION_NOT_KNOWN)
                : IdCardRule.ID19.judge(applicant.equals(declared));
        return List.of(
                IdCardRule.ID16.judge(ResidentIdNumber.hasValidCheckCharacter(declared)),
                IdCardRule.ID17.judge(ResidentIdNumber.hasPlausibleBirthDate(declared, today, maxAge), null,
                        "age 0-" + maxAge, null),
                IdCardRule.ID18.judge(ResidentIdNumber.hasPlausibleRegion(declared)),
                matches);
    }
}
