package org.elicence.photoaudit.audit.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.DecodedImage;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.audit.perception.FacePerception;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Where the licence crop reaches above a photo that cuts the hair (a card's printed photo may cut tall hair), the
 * portrait shows the photo's wall there, not the photo's top row repeated upwards. Each corpus person's neutral
 * photo is cut through the hair, 4 % of the head's length below its top, and the rows of the portrait above the photo
 * must be even (grey standard deviation at most 4 over them): repeating the top row, as the crop did until
 * 2026-12-05, drew the cut hair up as streaks there (standard deviation 24-98 on the 65 portraits reaching 6 rows or
 * more above the photo; painted with the wall: 0-1).
 */
class AboveThePhotoTest {

    private static final AuditConfig CONFIG = TestConfigs.audit(TestConfigs.defaults());
    private static final ImageDecoder DECODER = new ImageDecoder(CONFIG.decode());

    @BeforeAll
    static void load() {
        OpenCvRuntime.ensureLoaded();
    }

    @Test
    void aboveAPhotoThatCutsTheHairIsTheWallNotTheHairRepeated() throws Exception {
        List<Path> photos = CorpusPhotoFiles.endingWith("_neutral.jpg");
        LicencePortraitRenderer renderer = new LicencePortraitRenderer(CONFIG.portrait());
        FacePerception perception = new FacePerception();
        List<String> streaked = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (Path photo : photos) {
            DecodedImage whole = ((DecodeOutcome.Decoded) DECODER.decode(Files.readAllBytes(photo))).image();
            Mat cut;
            try (PhotoAnalysis analysis = new PhotoAnalysis(whole, perception, CONFIG)) {
                FaceGeometry face = analysis.requireFace();
                double scale = whole.bgr().cols() / (double) analysis.work().cols();
                int top = (int) Math.round((face.head().crown().y + 0.04 * face.headLength()) * scale);
                cut = whole.bgr().rowRange(top, whole.bgr().rows()).clone();
            }
            whole.bgr().release();
            DecodedImage image = new DecodedImage(cut, "bgr", "decoded", 1);
            try (PhotoAnalysis analysis = new PhotoAnalysis(image, perception, CONFIG)) {
                if (analysis.face().isEmpty()) {
                    streaked.add(photo.getFileName() + ": no face once cut");
                    continue;
                }
                Rect crop = LicenceCrop.roundedInWorkingImage(analysis.requireFace(), CONFIG.portrait(),
                        analysis.work().cols(), analysis.work().rows());
                int above = (int) Math.floor(-crop.y * (double) CONFIG.portrait().height() / crop.height);
                if (above < 6) {
                    continue;
                }
                Mat portrait = Imgcodecs.imdecode(new MatOfByte(renderer.render(analysis, image)),
                        Imgcodecs.IMREAD_GRAYSCALE);
                // the last rows above lie next to the photo's first one: leave out 2 at the seam
                Mat band = portrait.rowRange(0, above - 2);
                MatOfDouble mean = new MatOfDouble();
                MatOfDouble deviation = new MatOfDouble();
                Core.meanStdDev(band, mean, deviation);
                double spread = deviation.toArray()[0];
                measured.add(String.format("%s %d rows %.1f", photo.getFileName(), above, spread));
                if (spread > 4) {
                    streaked.add(String.format("%s (%d rows above: %.1f)", photo.getFileName(), above, spread));
                }
                portrait.release();
            } finally {
                cut.release();
            }
        }
        Files.write(Path.of("target/above-the-photo.txt"), measured);
        assertTrue(measured.size() >= 50, "portraits reaching above the photo: " + measured.size());
        assertTrue(streaked.isEmpty(), "streaked above the photo: " + streaked);
    }
}
