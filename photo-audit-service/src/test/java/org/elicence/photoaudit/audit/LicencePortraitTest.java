package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The PASS path: a compliant real portrait yields the 260 x 378 licence portrait. A near-white wall is cleaned to
 * white; this person's light-grey studio wall (L* below 85) is left as photographed.
 */
class LicencePortraitTest {

    @Test
    void aCompliantPortraitYieldsTheLicenceFormat() throws Exception {
        PhotoAuditor auditor = new PhotoAuditor(TestConfigs.defaults());
        AuditReport report = auditor.audit(PhotoAuditorTest.resource("/corpus/frl-london/frl_002_neutral.jpg"));
        assertEquals(Verdict.PASS, report.verdict(), report.checks().toString());
        Mat portrait = Imgcodecs.imdecode(new MatOfByte(report.licencePortraitJpeg().orElseThrow()), Imgcodecs.IMREAD_COLOR);
        assertEquals(260, portrait.cols());
        assertEquals(378, portrait.rows());
        double corner = Core.mean(portrait.submat(new Rect(0, 0, 20, 20))).val[1];
        assertTrue(corner > 170 && corner < 215, "the light-grey wall is kept as photographed: " + corner);
        // and the licence portrait itself, audited again, is a licence-format photo: one face, framed, whole
        // head, enough pixels, level
        AuditReport again = auditor.audit(report.licencePortraitJpeg().get());
        for (String rule : java.util.List.of("C1", "C2", "C3", "C7", "C8")) {
            assertTrue(again.checks().stream().filter(c -> c.rule().equals(rule))
                    .allMatch(c -> c.verdict() == CheckVerdict.PASS), rule + " " + again.checks());
        }
    }

    @Test
    void aNearWhiteWallIsCleanedToWhite() throws Exception {
        // person 136 stands before the lightest wall of the corpus (corner grey 219, L* about 88)
        AuditReport report = new PhotoAuditor(TestConfigs.defaults())
                .audit(PhotoAuditorTest.resource("/corpus/frl-london/frl_136_neutral.jpg"));
        Mat portrait = Imgcodecs.imdecode(new MatOfByte(report.licencePortraitJpeg().orElseThrow(
                () -> new AssertionError(report.checks().toString()))), Imgcodecs.IMREAD_COLOR);
        double corner = Core.mean(portrait.submat(new Rect(0, 0, 20, 20))).val[1];
        assertTrue(corner > 245, "the near-white wall beside the head is cleaned to white: " + corner);
    }

}
