package org.elicence.photoaudit.card;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * Rules ID16-ID19 on the citizen number printed on the card's front, read by OCR ({@link IdNumberReader}): read
 * with a right check character (ID16, {@link NumberReadCheck}), a real birth date (ID17,
 * {@link NumberBirthDateCheck}), a real region (ID18, {@link NumberRegionCheck}) and the applicant's own number
 * (ID19, {@link NumberMatchesApplicantCheck}). A number that cannot be read leaves ID17-ID19 NOT_ASSESSABLE: the
 * side is not failed for the engine's sake, and staff, who see ID_NUMBER_UNREADABLE in the case, compare it.
 */
final class IdNumberChecks {

    static final LocalizedText NOT_READ = new LocalizedText("未识别到身份证号码，由审核人员核对。",
            "Not checked: the number was not read; staff will compare it.");
    static final LocalizedText NO_CARD = new LocalizedText("未找到身份证，无法读取号码。",
            "Not checked: no card was found to read the number from.");

    private final IdNumberReader reader;
    private final int maxPlausibleAge;

    IdNumberChecks(IdNumberReader reader, int maxPlausibleAge) {
        this.reader = reader;
        this.maxPlausibleAge = maxPlausibleAge;
    }

    /**
     * The rules on the number read from {@code card} (rectified; upright when {@code upright}, else read either way
     * up), against {@code applicantResidentId}, the application's applicant.
     */
    List<RuleCheck> check(Mat card, boolean upright, String applicantResidentId, LocalDate today) {
        Optional<String> number = reader.read(card);
        if (number.isEmpty() && !upright) {
            try (NativeMats mats = new NativeMats()) {
                Mat turned = mats.mat();
                Core.rotate(card, turned, Core.ROTATE_180);
                number = reader.read(turned);
            }
        }
        return number.map(read -> List.of(NumberReadCheck.check(read),
                NumberBirthDateCheck.check(read, today, maxPlausibleAge), NumberRegionCheck.check(read),
                NumberMatchesApplicantCheck.check(read, applicantResidentId)))
                .orElseGet(() -> List.of(IdCardRule.numberUnreadable(), IdCardRule.ID17.notAssessable(NOT_READ),
                        IdCardRule.ID18.notAssessable(NOT_READ), IdCardRule.ID19.notAssessable(NOT_READ)));
    }

    /** No card was found: nothing to read. */
    static List<RuleCheck> noCard() {
        return List.of(IdCardRule.ID16.notAssessable(NO_CARD), IdCardRule.ID17.notAssessable(NO_CARD),
                IdCardRule.ID18.notAssessable(NO_CARD), IdCardRule.ID19.notAssessable(NO_CARD));
    }
}
