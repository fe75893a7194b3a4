package org.elicence.photoaudit.audit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.elicence.photoaudit.audit.AuditReport;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A JPEG at least twice the working copy's long side is audited on a half-size decode. Every neutral photo of
 * the corpus (900 x 900) enlarged to 1800 x 1800 and saved at quality 90 decodes at half size to about its own
 * pixels, so the audit must come to the same verdicts as on the photo itself; saved at quality 8 it must fail
 * C7 on its 4-pixel blocks as the small photo does on its 8-pixel ones.
 */
class HalfSizeDecodeTest {

    private static final FrlCorpus CORPUS = FrlCorpus.load();
    private static final ImageDecoder DECODER = new ImageDecoder(TestConfigs.audit(TestConfigs.defaults()).decode());
    private static PhotoAuditor auditor;

    @BeforeAll
    static void auditor() {
        auditor = new PhotoAuditor(TestConfigs.defaults());
    }

    private static byte[] enlarged(byte[] jpeg, int quality) {
        Mat photo = Compositing.decode(jpeg);
        Mat large = new Mat();
        Imgproc.resize(photo, large, new Size(photo.cols() * 2, photo.rows() * 2), 0, 0, Imgproc.INTER_CUBIC);
        byte[] out = Compositing.jpeg(large, quality);
        photo.release();
        large.release();
        return out;
    }

    private static Set<String> failed(AuditReport report) {
        return report.checks().stream().filter(c -> c.verdict() == CheckVerdict.FAIL).map(CheckResult::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static double compression(AuditReport report) {
        return report.checks().stream().filter(c -> c.code().startsWith("COMPRESSION")).findFirst()
                .map(CheckResult::measured).orElse(Double.NaN);
    }

    @Test
    void largePhotosGetTheVerdictsOfThePhotoAtItsOwnSize() {
        List<String> differences = new ArrayList<>();
        List<String> blockiness = new ArrayList<>();
        List<FrlCorpus.Photo> neutral = CORPUS.photos().stream().filter(p -> p.expression().equals("neutral")).toList();
        for (FrlCorpus.Photo photo : neutral) {
            byte[] jpeg = CORPUS.jpeg(photo);
            AuditReport own = auditor.audit(jpeg);
            byte[] enlarged = enlarged(jpeg, 90);
            DecodeOutcome.Decoded decoded = (DecodeOutcome.Decoded) DECODER.decode(enlarged);
            assertEquals(2, decoded.image().reduction(), photo.person());
            decoded.image().bgr().release();
            AuditReport large = auditor.audit(enlarged);
            if (own.verdict() != large.verdict() || !failed(own).equals(failed(large))) {
                differences.add(photo.person() + " " + failed(own) + " -> " + failed(large));
            }
            blockiness.add(String.format(Locale.ROOT, "%.2f", compression(large)));
            assertTrue(large.checks().stream().noneMatch(c -> c.code().equals("COMPRESSION_ARTEFACTS")),
                    photo.person() + " at quality 90: " + compression(large));
        }
        System.out.printf("half-size decode: %d of %d neutral photos with other verdicts: %s; C7 blockiness %s%n",
                differences.size(), neutral.size(), differences, blockiness);
        assertTrue(differences.isEmpty(), differences.toString());
    }

    @Test
    void heavilyCompressedLargePhotosFailC7() {
        List<String> blockiness = new ArrayList<>();
        for (FrlCorpus.Photo photo : CORPUS.compliantNeutralBases()) {
            AuditReport report = auditor.audit(enlarged(CORPUS.jpeg(photo), 8));
            blockiness.add(String.format(Locale.ROOT, "%.2f", compression(report)));
            assertEquals(Set.of(true), Set.of(failed(report).contains("COMPRESSION_ARTEFACTS")),
                    photo.person() + " at quality 8: " + compression(report));
        }
        System.out.println("half-size decode, quality 8: C7 blockiness " + blockiness);
        // moderate compression, reported (not a verdict this test asserts): the first 12 people
        for (int quality : new int[] {15, 30, 50}) {
            List<String> measured = CORPUS.compliantNeutralBases().stream().limit(12)
                    .map(p -> String.format(Locale.ROOT, "%.2f", compression(auditor.audit(enlarged(CORPUS.jpeg(p), quality)))))
                    .toList();
            System.out.println("half-size decode, quality " + quality + ": C7 blockiness " + measured);
        }
    }
}
