package org.elicence.photoaudit.audit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The licence portrait is never enlarged from a half-size decode: where the crop there is smaller than the
 * portrait, the renderer says so and the portrait cut from the full decode keeps the detail the other loses.
 */
class HalfSizePortraitTest {

    private static final AuditConfig CONFIG = TestConfigs.audit(TestConfigs.defaults());
    private static final ImageDecoder DECODER = new ImageDecoder(CONFIG.decode());

    @BeforeAll
    static void load() {
        OpenCvRuntime.ensureLoaded();
    }

    /** A corpus portrait (900 x 900) scaled by {@code scale} into a frame of {@code side} pixels, as a JPEG. */
    private static byte[] framed(double scale, int side) throws Exception {
        byte[] source = HalfSizePortraitTest.class.getResourceAsStream("/corpus/frl-london/frl_002_neutral.jpg")
                .readAllBytes();
        Mat photo = Imgcodecs.imdecode(new MatOfByte(source), Imgcodecs.IMREAD_COLOR);
        Mat scaled = new Mat();
        Imgproc.resize(photo, scaled, new Size(), scale, scale, Imgproc.INTER_AREA);
        int pad = side - scaled.cols();
        Mat framed = new Mat();
        Core.copyMakeBorder(scaled, framed, pad / 2, pad - pad / 2, pad / 2, pad - pad / 2, Core.BORDER_REPLICATE);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", framed, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
        return jpeg.toArray();
    }

    private static DecodedImage decoded(DecodeOutcome outcome) {
        return ((DecodeOutcome.Decoded) outcome).image();
    }

    private static double sharpness(byte[] jpeg) {
        Mat grey = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_GRAYSCALE);
        assertEquals(new Size(260, 378), grey.size());
        Mat laplacian = new Mat();
        Imgproc.Laplacian(grey, laplacian, CvType.CV_64F);
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble deviation = new MatOfDouble();
        Core.meanStdDev(laplacian, mean, deviation);
        return deviation.get(0, 0)[0];
    }

    @Test
    void aSmallHeadInALargePhotoIsCutFromTheFullDecode() throws Exception {
        // head about 350 of 1300 pixels: 175 in the half-size decode, where the portrait's head is 242
        byte[] jpeg = framed(0.7, 1300);
        DecodedImage half = decoded(DECODER.decode(jpeg));
        DecodedImage full = decoded(DECODER.decodeFullResolution(jpeg));
        assertEquals(2, half.reduction());
        assertEquals(new Size(650, 650), half.bgr().size());
        assertEquals(1, full.reduction());
        assertEquals(new Size(1300, 1300), full.bgr().size());
        LicencePortraitRenderer renderer = new LicencePortraitRenderer(CONFIG.portrait());
        try (PhotoAnalysis analysis = new PhotoAnalysis(half, new FacePerception(), CONFIG)) {
            assertTrue(renderer.needsMorePixels(analysis));
            double fromFull = sharpness(renderer.render(analysis, full));
            double fromHalf = sharpness(renderer.render(analysis, half));
            // measured 11.3 against 9.1 (Laplacian deviation over the whole portrait, wall included)
            assertTrue(fromFull > 1.15 * fromHalf, "detail from the full decode " + fromFull + ", enlarged " + fromHalf);
        }
    }

    @Test
    void aLicenceFormatPhotoHasPixelsEnoughAtHalfSize() throws Exception {
        // the head fills the frame (about 1000 of 1800 pixels): 500 in the half-size decode
        DecodedImage half = decoded(DECODER.decode(framed(2, 1800)));
        assertEquals(2, half.reduction());
        try (PhotoAnalysis analysis = new PhotoAnalysis(half, new FacePerception(), CONFIG)) {
            assertFalse(new LicencePortraitRenderer(CONFIG.portrait()).needsMorePixels(analysis));
        }
    }
}
