package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.elicence.photoaudit.audit.tools.CorpusGenerator;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The PASS path. No freely licensed photograph of a bareheaded applicant was available (Hopper wears a
 * cap that also covers her forehead), so the compliant-framing Hopper composites are audited with R5 and
 * R6 disabled through the operator setting photo-audit.verdict.disabled-rules.
 */
class LicencePortraitTest {

    @Test
    void compliantCompositesPassAndYieldTheLicencePortrait() throws Exception {
        PhotoAuditor auditor = new PhotoAuditor(TestConfigs.with(Map.of("photo-audit.verdict.disabled-rules", "R5,R6")));
        Map<CorpusGenerator.Entry, Path> corpus = CorpusGenerator.generate(Path.of("target/corpus-portrait"));
        int compliant = 0;
        for (Map.Entry<CorpusGenerator.Entry, Path> e : corpus.entrySet()) {
            CorpusGenerator.Entry entry = e.getKey();
            if (!entry.base().equals("hopper") || !entry.expectedFail().equals(java.util.Set.of("R5"))) {
                continue;
            }
            compliant++;
            AuditReport report = auditor.audit(Files.readAllBytes(e.getValue()));
            assertEquals(Verdict.PASS, report.verdict(), entry.id() + " " + report.checks());
            Mat portrait = Imgcodecs.imdecode(new MatOfByte(report.licencePortraitJpeg().orElseThrow()), Imgcodecs.IMREAD_COLOR);
            assertEquals(260, portrait.cols());
            assertEquals(378, portrait.rows());
            // the near-white wall beside the head is cleaned to white
            double corner = Core.mean(portrait.submat(new Rect(0, 0, 20, 20))).val[1];
            assertTrue(corner > 245, entry.id() + " corner " + corner);
        }
        assertTrue(compliant >= 5, "compliant hopper variants in the manifest: " + compliant);
    }
}
