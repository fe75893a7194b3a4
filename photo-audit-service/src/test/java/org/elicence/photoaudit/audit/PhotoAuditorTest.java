package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.elicence.photoaudit.audit.tools.CorpusGenerator;
import org.elicence.photoaudit.audit.tools.CorpusScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Behaviour of the public API on the real photographs (as uploaded: non-white backgrounds). */
class PhotoAuditorTest {

    private static PhotoAuditor auditor;
    private static byte[] hopper;
    private static byte[] collins;

    @BeforeAll
    static void setUp() throws Exception {
        auditor = new PhotoAuditor(TestConfigs.defaults());
        hopper = PhotoAuditorTest.class.getResourceAsStream("/photos/grace_hopper.jpg").readAllBytes();
        collins = PhotoAuditorTest.class.getResourceAsStream("/photos/astronaut.png").readAllBytes();
    }

    private static CheckResult result(AuditReport report, String code) {
        return report.checks().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow(
                () -> new AssertionError(code + " not in " + report.checks()));
    }

    @Test
    void realPhotographsWithColouredBackgroundsFailR2WithGuidance() {
        for (byte[] photo : List.of(hopper, collins)) {
            AuditReport report = auditor.audit(photo);
            assertEquals(Verdict.FAIL, report.verdict());
            assertTrue(report.licencePortraitJpeg().isEmpty());
            CheckResult background = report.checks().stream().filter(c -> c.rule().equals("R2")
                    && c.verdict() == CheckVerdict.FAIL).findFirst().orElseThrow();
            assertTrue(background.code().startsWith("BACKGROUND_"));
            assertFalse(background.guidance().en().isBlank());
            assertFalse(background.guidance().zhCN().isBlank());
            assertEquals(CheckVerdict.PASS, result(report, "ONE_FACE").verdict());
        }
    }

    /**
     * The service audits photos of different applications at once (one per core): the same photo must get
     * the same measurements whichever thread audits it and whatever runs beside it.
     */
    @Test
    void auditsRunningConcurrentlyMeasureExactlyWhatOneAuditMeasures() throws Exception {
        List<String> expectedHopper = fingerprint(auditor.audit(hopper));
        List<String> expectedCollins = fingerprint(auditor.audit(collins));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                byte[] photo = i % 2 == 0 ? hopper : collins;
                runs.add(threads.submit(() -> fingerprint(auditor.audit(photo))));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertEquals(i % 2 == 0 ? expectedHopper : expectedCollins, runs.get(i).get(), "run " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> fingerprint(AuditReport report) {
        return report.checks().stream().map(c -> c.code() + "=" + c.verdict() + "@" + c.measured()).toList();
    }

    @Test
    void everyRuleOfTheSpecIsReported() {
        AuditReport report = auditor.audit(hopper);
        for (int i = 1; i <= 12; i++) {
            String rule = "R" + i;
            assertTrue(report.checks().stream().anyMatch(c -> c.rule().equals(rule)), rule);
        }
        for (int i = 1; i <= 9; i++) {
            String rule = "C" + i;
            assertTrue(report.checks().stream().anyMatch(c -> c.rule().equals(rule)), rule);
        }
    }

    @Test
    void annotatedCopyIsAJpegOfAtMost800Pixels() {
        AuditReport report = auditor.audit(hopper);
        Mat annotated = Imgcodecs.imdecode(new MatOfByte(report.annotatedJpeg()), Imgcodecs.IMREAD_COLOR);
        assertFalse(annotated.empty());
        assertTrue(Math.max(annotated.cols(), annotated.rows()) <= 800);
    }

    @Test
    void undecodableUploadGetsAReasonNotAnException() {
        AuditReport report = auditor.audit(new byte[] {1, 2, 3});
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals("IMAGE_UNREADABLE", report.checks().get(0).code());
        assertTrue(report.annotatedJpeg().length > 0);
    }

    @Test
    void concurrentAuditsGiveTheSameResults() throws Exception {
        AuditReport reference = auditor.audit(collins);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AuditReport>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> auditor.audit(collins)));
            }
            for (Future<AuditReport> f : futures) {
                assertEquals(reference.checks(), f.get().checks());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aLargeUploadIsJudgedLikeTheSamePhotoAtWorkingSize() {
        // 1200 x 1600 is downscaled (block average + bilinear) and the face found at a different scale
        Mat composite = CorpusGenerator.composite("hopper", CorpusGenerator.placementDetector());
        Mat large = new Mat();
        Imgproc.resize(composite, large, new Size(1200, 1600), 0, 0, Imgproc.INTER_CUBIC);
        AuditReport small = auditor.audit(jpeg(composite));
        AuditReport big = auditor.audit(jpeg(large));
        assertEquals(CorpusScore.failedRules(small), CorpusScore.failedRules(big), small.checks() + " vs " + big.checks());
        assertEquals(result(small, "ONE_FACE").verdict(), result(big, "ONE_FACE").verdict());
        assertTrue(CorpusScore.failedRules(big).size() <= 2, "the compliant-framing composite fails only cap rules: "
                + CorpusScore.failedRules(big));
    }

    @Test
    void unknownPrimaryCascadeFailsFast() {
        AuditConfig config = TestConfigs.with(Map.of("photo-audit.detection.primary-cascade", "yolo"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PhotoAuditor(config));
        assertTrue(e.getMessage().contains("primary-cascade"));
    }

    @Test
    void theHaarOnlyDetectorStillWorks() {
        PhotoAuditor haar = new PhotoAuditor(TestConfigs.with(Map.of("photo-audit.detection.primary-cascade", "haar")));
        assertEquals(CheckVerdict.PASS, result(haar.audit(hopper), "ONE_FACE").verdict());
    }

    private static byte[] jpeg(Mat image) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 92));
        return out.toArray();
    }

    @Test
    void missingCascadesFailFastWithInstructions() {
        AuditConfig config = TestConfigs.with(Map.of("photo-audit.detection.cascade-directory", "/nonexistent"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PhotoAuditor(config));
        assertTrue(e.getMessage().contains("opencv-data"));
    }

    @Test
    void everyThresholdHasADefault() {
        AuditConfig config = TestConfigs.defaults();
        assertEquals(260, config.portrait().width());
        assertTrue(config.verdict().mandatoryRules().contains("R2"));
        assertEquals(0.5, TestConfigs.with(Map.of("photo-audit.geometry.min-head-width-ratio", "0.5"))
                .geometry().minHeadWidthRatio());
        assertTrue(CorpusGenerator.manifest().size() > 40);
    }
}
