package org.elicence.photoaudit.audit.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.audit.TestConfigs;
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
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Where the licence crop reaches below a photo cut at the chest, the clothing is continued, not drawn as vertical
 * streaks: on every corpus portrait whose crop reaches 8 portrait rows or more below the photo, the rows there change
 * from one to the next at least a third as much as the same number of rows just above (the photo's own). On the 12
 * such portraits (9-36 rows below) the ratio is 0.71-1.94; replicating the photo's last row, as the crop did until
 * 2026-12-05, made it 0.00-0.10.
 */
class BelowThePhotoTest {

    private static final AuditConfig CONFIG = TestConfigs.audit(TestConfigs.defaults());
    private static final ImageDecoder DECODER = new ImageDecoder(CONFIG.decode());

    @BeforeAll
    static void load() {
        OpenCvRuntime.ensureLoaded();
    }

    @Test
    void theClothingIsContinuedBelowThePhotoNotStreaked() throws Exception {
        List<Path> photos = CorpusPhotoFiles.endingWith(".jpg");
        LicencePortraitRenderer renderer = new LicencePortraitRenderer(CONFIG.portrait());
        List<String> streaked = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (Path photo : photos) {
            DecodedImage image = ((DecodeOutcome.Decoded) DECODER.decode(Files.readAllBytes(photo))).image();
            try (PhotoAnalysis analysis = new PhotoAnalysis(image, new FacePerception(), CONFIG)) {
                Rect crop = LicenceCrop.roundedInWorkingImage(analysis.requireFace(), CONFIG.portrait(),
                        analysis.work().cols(), analysis.work().rows());
                int below = (int) Math.floor((crop.y + crop.height - analysis.work().rows())
                        * (double) CONFIG.portrait().height() / crop.height);
                if (below < 8) {
                    continue;
                }
                Mat portrait = Imgcodecs.imdecode(new MatOfByte(renderer.render(analysis, image)),
                        Imgcodecs.IMREAD_GRAYSCALE);
                int rows = portrait.rows();
                // the first rows below lie next to the photo's last one: leave out 2 on either side of the seam
                double continued = rowChange(portrait, rows - below + 2, rows);
                double photographed = rowChange(portrait, rows - 2 * below - 2, rows - below - 2);
                double ratio = continued / photographed;
                measured.add(String.format("%s %d rows %.2f", photo.getFileName(), below, ratio));
                if (ratio < 1 / 3.0) {
                    streaked.add(String.format("%s (%d rows below: %.2f)", photo.getFileName(), below, ratio));
                }
            }
        }
        Files.write(Path.of("target/below-the-photo.txt"), measured);
        assertTrue(measured.size() >= 10, "portraits reaching below the photo: " + measured.size());
        assertTrue(streaked.isEmpty(), "streaked below the photo: " + streaked);
    }

    /** The mean absolute grey difference between each row and the next, over rows [from, to). */
    private static double rowChange(Mat grey, int from, int to) {
        Mat upper = grey.rowRange(from, to - 1);
        Mat lower = grey.rowRange(from + 1, to);
        Mat difference = new Mat();
        Core.absdiff(upper, lower, difference);
        return Core.mean(difference).val[0];
    }
}
