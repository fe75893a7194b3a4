package org.elicence.photoaudit.audit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The licence portrait's wall is cleaned to white as a whole, never in patches. On all 132 corpus photos (one studio
 * wall, a light grey near the L* 85 the cleaning starts at, lighter in the middle than in its corners) the cleaned
 * wall changes no more sharply than the same crop as photographed: the 95th percentile of its grey gradient grows by
 * at most 5 (measured: by 0 on every photo). Cleaned pixel by pixel (L* >= 85 each), the edges of white patches
 * grew it by more than 5 on 80 of the 132, by more than 20 on 47. Each photo's two figures go to
 * {@code target/wall-changes.txt}; with {@code -Dportraits=DIR} the portraits are written there as PNG rows of eight.
 */
class BackgroundWhiteningTest {

    private static final AuditConfig CONFIG = TestConfigs.audit(TestConfigs.defaults());
    private static final ImageDecoder DECODER = new ImageDecoder(CONFIG.decode());
    private static final String LOOK_AT = System.getProperty("portraits");
    private static final double MAX_ADDED_CHANGE = 5;

    @BeforeAll
    static void load() {
        OpenCvRuntime.ensureLoaded();
    }

    @Test
    void theWallIsCleanedAsAWholeNeverInPatches() throws Exception {
        List<Path> photos = CorpusPhotoFiles.endingWith(".jpg");
        LicencePortraitRenderer renderer = new LicencePortraitRenderer(CONFIG.portrait());
        List<String> patchy = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<Mat> row = new ArrayList<>();
        int rendered = 0;
        for (Path photo : photos) {
            DecodedImage image = ((DecodeOutcome.Decoded) DECODER.decode(Files.readAllBytes(photo))).image();
            try (PhotoAnalysis analysis = new PhotoAnalysis(image, new FacePerception(), CONFIG)) {
                Mat portrait = Imgcodecs.imdecode(new MatOfByte(renderer.render(analysis, image)), Imgcodecs.IMREAD_COLOR);
                double change = sharpestWallChange(analysis, portrait);
                double asPhotographed = sharpestWallChange(analysis, asPhotographed(analysis, image));
                rendered++;
                changes.add(String.format("%s %.1f %.1f", photo.getFileName(), asPhotographed, change));
                if (change > asPhotographed + MAX_ADDED_CHANGE) {
                    patchy.add(String.format("%s %.1f -> %.1f", photo.getFileName(), asPhotographed, change));
                }
                lookAt(portrait, row);
            }
        }
        Files.write(Path.of("target/wall-changes.txt"), changes);
        assertEquals(132, rendered, "every corpus photo has a face to frame");
        assertTrue(patchy.isEmpty(), "walls cleaned in patches (as photographed -> cleaned): " + patchy);
    }

    /**
     * How sharply the wall's grey changes from pixel to pixel, at its sharpest: the 95th percentile of the grey
     * gradient (Sobel magnitude) over the sure wall (person probability < 0.05) away from the person (eroded by 6 px).
     * A wall lit evenly or in a smooth gradient changes by a few grey levels; the edge of a white patch by tens.
     */
    private static double sharpestWallChange(PhotoAnalysis analysis, Mat portrait) {
        Rect crop = LicenceCrop.roundedInWorkingImage(analysis.requireFace(), CONFIG.portrait(), analysis.work().cols(),
                analysis.work().rows());
        Mat person = LicencePortraitRenderer.cutAndResize(analysis.person().probability(), crop,
                new Size(CONFIG.portrait().width(), CONFIG.portrait().height()), Core.BORDER_REPLICATE);
        Mat wall = new Mat();
        Imgproc.threshold(person, wall, 0.05, 255, Imgproc.THRESH_BINARY_INV);
        wall.convertTo(wall, CvType.CV_8U);
        Imgproc.erode(wall, wall, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(13, 13)));
        Mat grey = new Mat();
        Imgproc.cvtColor(portrait, grey, Imgproc.COLOR_BGR2GRAY);
        Mat dx = new Mat();
        Mat dy = new Mat();
        Imgproc.Sobel(grey, dx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(grey, dy, CvType.CV_32F, 0, 1);
        Mat magnitude = new Mat();
        Core.magnitude(dx, dy, magnitude);
        List<Float> values = new ArrayList<>();
        float[] pixel = new float[1];
        for (int y = 0; y < magnitude.rows(); y++) {
            for (int x = 0; x < magnitude.cols(); x++) {
                if (wall.get(y, x)[0] > 0) {
                    magnitude.get(y, x, pixel);
                    values.add(pixel[0]);
                }
            }
        }
        if (values.size() < 500) {
            return 0;
        }
        values.sort(null);
        return values.get((int) (values.size() * 0.95));
    }

    /** The same licence crop without any cleaning, through the same JPEG encoding. */
    private static Mat asPhotographed(PhotoAnalysis analysis, DecodedImage image) {
        Rect workCrop = LicenceCrop.roundedInWorkingImage(analysis.requireFace(), CONFIG.portrait(),
                analysis.work().cols(), analysis.work().rows());
        Rect crop = LicenceCrop.scaled(workCrop, image.bgr().cols() / (double) analysis.work().cols());
        Mat cut = LicencePortraitRenderer.cutAndResize(image.bgr(), crop,
                new Size(CONFIG.portrait().width(), CONFIG.portrait().height()), Core.BORDER_REPLICATE);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", cut, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, CONFIG.portrait().jpegQuality()));
        return Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_COLOR);
    }

    private static void lookAt(Mat portrait, List<Mat> row) {
        if (LOOK_AT == null) {
            return;
        }
        row.add(portrait);
        if (row.size() == 8) {
            Mat strip = new Mat();
            Core.hconcat(row, strip);
            Imgcodecs.imwrite(Path.of(LOOK_AT, "row" + System.nanoTime() + ".png").toString(), strip);
            row.clear();
        }
    }
}
