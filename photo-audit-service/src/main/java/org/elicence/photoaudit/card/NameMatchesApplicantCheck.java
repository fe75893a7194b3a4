package org.elicence.photoaudit.card;

import java.util.Optional;

import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/**
 * ID20: the name printed on the card's front (姓名) is the applicant's name, compared without blanks. PASS when
 * the name read is the applicant's; otherwise NOT_ASSESSABLE and staff compare the name, as they did before it was
 * read: with code NAME_UNREADABLE when no name was read, NAME_NOT_CONFIRMED when a different name was read. A
 * different name never FAILs the side: on the card corpus the Chinese model misreads names as other, equally
 * confident names (杨磊 read as 杨壬 with 92 % confidence in every character), so a misreading cannot be told from
 * someone else's card; ID19 fails someone else's card by its number. Neither name goes into the result.
 */
final class NameMatchesApplicantCheck {

    static final String NAME_UNREADABLE = "NAME_UNREADABLE";
    static final String NAME_NOT_CONFIRMED = "NAME_NOT_CONFIRMED";
    static final LocalizedText NOT_READ = new LocalizedText("未识别到姓名，由审核人员核对。",
            "Not checked: the name was not read; staff will compare it.");
    static final LocalizedText NOT_CONFIRMED = new LocalizedText(
            "识别到的姓名与申请人姓名不一致，可能是识别误差，由审核人员核对。",
            "Not confirmed: the name read differs from the applicant's, possibly a reading error; "
                    + "staff will compare it.");
    static final LocalizedText NAME_UNKNOWN = new LocalizedText("尚未获得申请人姓名，由审核人员核对。",
            "Not checked: the applicant's name is not known here yet; staff will compare it.");

    private NameMatchesApplicantCheck() {
    }

    static RuleCheck check(Optional<NameReader.Reading> read, String applicantName) {
        if (applicantName == null || applicantName.isBlank()) {
            return IdCardRule.ID20.notAssessable(NAME_UNKNOWN);
        }
        if (read.isEmpty()) {
            return IdCardRule.ID20.notAssessable(NAME_UNREADABLE, NOT_READ);
        }
        if (read.get().name().equals(NameReader.normalise(applicantName))) {
            return IdCardRule.ID20.judge(true);
        }
        return IdCardRule.ID20.notAssessable(NAME_NOT_CONFIRMED, NOT_CONFIRMED);
    }
}
