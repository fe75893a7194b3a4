package org.elicence.photoaudit.audit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.elicence.photoaudit.audit.AuditReport;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.TestConfigs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * A coloured background is named for what the applicant must change: a painted wall (R2, "stand in front of a
 * white wall") or the light (C6, "take it in daylight or white light"). Each compliant calibration person is
 * photographed once in front of a recoloured wall and once with a wrong white balance (the corpus's own edits,
 * a style per person in turn); the wall must be R2's BACKGROUND_COLOURED and not a cast, the white balance
 * C6's COLOUR_CAST and not a coloured wall. The people kept out of calibration are scored in
 * docs/photo-audit-accuracy.md.
 */
class ColouredLightOrWallTest {

    private static final FrlCorpus CORPUS = FrlCorpus.load();
    private static PhotoAuditor auditor;

    @BeforeAll
    static void auditor() {
        auditor = new PhotoAuditor(TestConfigs.defaults());
    }

    @Test
    void aPaintedWallIsR2AndColouredLightIsC6() {
        List<String> misnamed = new ArrayList<>();
        int people = 0;
        for (FrlCorpus.Photo photo : CORPUS.compliantNeutralBases()) {
            if (photo.split() != FrlCorpus.Split.CALIBRATION) {
                continue;
            }
            BasePhoto base = BasePhoto.of(CORPUS, photo);
            String wall = PhotoEdits.WALL_STYLES[people % PhotoEdits.WALL_STYLES.length];
            String light = PhotoEdits.WHITE_BALANCE_STYLES[people % PhotoEdits.WHITE_BALANCE_STYLES.length];
            AuditReport painted = audit(PhotoEdits.wallColour(base, people, new Random(people)));
            if (!code(painted, "R2").equals("BACKGROUND_COLOURED") || code(painted, "C6").equals("COLOUR_CAST")) {
                misnamed.add(photo.person() + " wall " + wall + ": R2 " + code(painted, "R2") + ", C6 " + code(painted, "C6"));
            }
            AuditReport tinted = audit(PhotoEdits.whiteBalance(base, people, new Random(people)));
            if (!code(tinted, "C6").equals("COLOUR_CAST") || code(tinted, "R2").equals("BACKGROUND_COLOURED")) {
                misnamed.add(photo.person() + " light " + light + ": R2 " + code(tinted, "R2") + ", C6 " + code(tinted, "C6"));
            }
            people++;
        }
        assertTrue(people >= 40, "calibration people: " + people);
        assertEquals(List.of(), misnamed);
    }

    private static AuditReport audit(Mat image) {
        byte[] jpeg = Compositing.jpeg(image, ViolationGenerator.JPEG_QUALITY);
        image.release();
        return auditor.audit(jpeg);
    }

    private static String code(AuditReport report, String rule) {
        return report.checks().stream().filter(c -> c.rule().equals(rule)).map(CheckResult::code).findFirst()
                .orElse("none");
    }
}
