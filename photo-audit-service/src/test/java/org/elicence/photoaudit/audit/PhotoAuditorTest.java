package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The engine's public behaviour on real photographs: the two public-domain portraits (Hopper with her uniform
 * cap, Collins smiling with her teeth in front of a flag), real people of the corpus, and hostile input.
 */
class PhotoAuditorTest {

    private static PhotoAuditor auditor;
    private static byte[] hopper;
    private static byte[] collins;
    private static byte[] compliant;

    @BeforeAll
    static void setUp() throws Exception {
        auditor = new PhotoAuditor(TestConfigs.defaults());
        hopper = resource("/photos/grace_hopper.jpg");
        collins = resource("/photos/astronaut.png");
        compliant = resource("/corpus/frl-london/frl_002_neutral.jpg");
    }

    static byte[] resource(String path) throws Exception {
        return PhotoAuditorTest.class.getResourceAsStream(path).readAllBytes();
    }

    static Set<String> failed(AuditReport report) {
        return report.checks().stream().filter(c -> c.verdict() == CheckVerdict.FAIL).map(CheckResult::rule)
                .collect(Collectors.toSet());
    }

    private static CheckResult result(AuditReport report, String code) {
        return report.checks().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow(
                () -> new AssertionError(code + " not in " + report.checks()));
    }

    @Test
    void aCompliantRealPortraitPassesWithEveryRuleVerified() throws Exception {
        // 002: the system tests' uploaded portrait; 005: ZHOU Ming's registry photo (idcard-service's
        // registry-photos/citizen-3.jpg), whose licence the registry path reaches without an upload
        for (byte[] portrait : List.of(compliant, resource("/corpus/frl-london/frl_005_neutral.jpg"))) {
            AuditReport report = auditor.audit(portrait);
            assertEquals(Verdict.PASS, report.verdict(), report.checks().toString());
            assertTrue(report.checks().stream().allMatch(c -> c.verdict() == CheckVerdict.PASS));
            assertTrue(report.licencePortraitJpeg().isPresent());
        }
    }

    @Test
    void hopperFailsHerCapAndHerFlagWithGuidanceInBothLanguages() {
        AuditReport report = auditor.audit(hopper);
        assertEquals(Verdict.FAIL, report.verdict());
        assertTrue(failed(report).containsAll(Set.of("R2", "R5")), report.checks().toString());
        for (CheckResult c : report.checks()) {
            if (c.verdict() == CheckVerdict.FAIL) {
                assertFalse(c.guidance().en().isBlank());
                assertFalse(c.guidance().zhCN().isBlank());
                assertTrue(c.threshold() != null && c.measured() != null, c.toString());
            }
        }
        assertTrue(report.licencePortraitJpeg().isPresent(), "a reviewer may approve what the machine failed");
    }

    /**
     * A failed photo gets a licence portrait for a reviewer (Hopper's above), except when its size, framing or pixels
     * failed: a compliant person far from the camera (the portrait shrunk onto a wide white wall) fails C2, and a
     * portrait of so few pixels, enlarged, is none a reviewer may approve.
     */
    @Test
    void aPhotoWhoseSizeFailedGetsNoPortrait() {
        Mat person = Imgcodecs.imdecode(new MatOfByte(compliant), Imgcodecs.IMREAD_COLOR);
        // under 1280 px, so decoded whole: what leaves the portrait out is the failed size, not a second decode
        Mat wall = new Mat(1200, 900, CvType.CV_8UC3, new Scalar(245, 245, 245));
        Mat small = new Mat();
        double scale = 400.0 / person.rows();
        org.opencv.imgproc.Imgproc.resize(person, small, new org.opencv.core.Size(person.cols() * scale,
                person.rows() * scale), 0, 0, org.opencv.imgproc.Imgproc.INTER_AREA);
        small.copyTo(wall.submat(new org.opencv.core.Rect(wall.cols() / 2 - small.cols() / 2,
                wall.rows() - small.rows(), small.cols(), small.rows())));
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", wall, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 92));
        AuditReport report = auditor.audit(jpeg.toArray());
        assertTrue(failed(report).contains("C2"), report.checks().toString());
        assertTrue(report.licencePortraitJpeg().isEmpty());
        person.release();
        wall.release();
        small.release();
    }

    @Test
    void collinsShowsHerTeethInFrontOfAFlag() {
        AuditReport report = auditor.audit(collins);
        assertEquals(CheckVerdict.PASS, result(report, "ONE_FACE").verdict());
        assertTrue(failed(report).containsAll(Set.of("C9", "R2")), report.checks().toString());
    }

    @Test
    void everyRuleOfTheSpecIsReported() {
        Set<String> rules = auditor.audit(compliant).checks().stream().map(CheckResult::rule).collect(Collectors.toSet());
        for (int i = 1; i <= 12; i++) {
            assertTrue(rules.contains("R" + i), "R" + i);
        }
        for (int i = 1; i <= 9; i++) {
            assertTrue(rules.contains("C" + i), "C" + i);
        }
    }

    @Test
    void annotatedCopyIsAJpegNoLargerThanTheWorkingCopy() {
        Mat annotated = Imgcodecs.imdecode(new MatOfByte(auditor.audit(hopper).annotatedJpeg()), Imgcodecs.IMREAD_COLOR);
        assertFalse(annotated.empty());
        assertTrue(Math.max(annotated.cols(), annotated.rows()) <= 640);
    }

    /**
     * The service audits photos of different applications at once (one per core): the same photo must get the
     * same measurements whichever thread audits it, and the models' per-thread nets must not interfere.
     */
    @Test
    void auditsRunningConcurrentlyMeasureExactlyWhatOneAuditMeasures() throws Exception {
        List<CheckResult> expectedHopper = auditor.audit(hopper).checks();
        List<CheckResult> expectedCompliant = auditor.audit(compliant).checks();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<CheckResult>>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                byte[] photo = i % 2 == 0 ? hopper : compliant;
                runs.add(threads.submit(() -> auditor.audit(photo).checks()));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertEquals(i % 2 == 0 ? expectedHopper : expectedCompliant, runs.get(i).get(), "run " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void undecodableUploadGetsAReasonNotAnException() {
        AuditReport report = auditor.audit(new byte[] {1, 2, 3});
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals("IMAGE_UNREADABLE", report.checks().get(0).code());
        assertTrue(report.annotatedJpeg().length > 0);
    }

    /** Tiny, thin and strip-shaped images never reach the models: a FAIL with a reason, never an exception. */
    @ParameterizedTest
    @CsvSource({"1,1,IMAGE_TOO_SMALL", "4,4,IMAGE_TOO_SMALL", "1,600,IMAGE_TOO_SMALL", "600,4,IMAGE_TOO_SMALL",
            "119,400,IMAGE_TOO_SMALL", "1000,200,IMAGE_NOT_A_PORTRAIT", "130,700,IMAGE_NOT_A_PORTRAIT"})
    void degenerateImagesEndInAReason(int width, int height, String code) {
        for (String format : List.of(".png", ".jpg")) {
            Mat image = new Mat(height, width, CvType.CV_8UC3, new Scalar(200, 200, 200));
            MatOfByte bytes = new MatOfByte();
            Imgcodecs.imencode(format, image, bytes, new MatOfInt());
            AuditReport report = auditor.audit(bytes.toArray());
            assertEquals(Verdict.FAIL, report.verdict());
            assertEquals(code, report.checks().get(0).code(), format + " " + report.checks());
            assertFalse(report.checks().get(0).guidance().en().isBlank());
        }
    }

    @Test
    void aPlainImageWithoutAFaceSaysSo() {
        Mat wall = new Mat(800, 600, CvType.CV_8UC3, new Scalar(230, 230, 230));
        MatOfByte bytes = new MatOfByte();
        Imgcodecs.imencode(".jpg", wall, bytes);
        AuditReport report = auditor.audit(bytes.toArray());
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(CheckVerdict.FAIL, result(report, "NO_FACE").verdict());
        assertTrue(report.checks().stream().filter(c -> !c.rule().equals("C1"))
                .allMatch(c -> c.verdict() == CheckVerdict.NOT_ASSESSABLE));
    }

    @Test
    void everyCheckReadsItsOwnSettingsGroup() {
        PhotoAuditor strict = new PhotoAuditor(TestConfigs.with(Map.of("photo-audit.c8-head-roll.max-degrees", "0.001",
                "photo-audit.verdict.disabled-rules", "R7")));
        AuditReport report = strict.audit(compliant);
        assertEquals(CheckVerdict.FAIL, result(report, "HEAD_ROLLED").verdict());
        assertEquals(CheckVerdict.NOT_ASSESSABLE, result(report, "RULE_DISABLED").verdict());
        assertEquals("0.001", result(report, "HEAD_ROLLED").threshold().substring(3));
    }
}
