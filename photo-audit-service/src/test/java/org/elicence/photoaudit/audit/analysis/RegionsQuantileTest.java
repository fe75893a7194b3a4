package org.elicence.photoaudit.audit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class RegionsQuantileTest {

    @BeforeAll
    static void load() {
        OpenCvRuntime.ensureLoaded();
    }

    /** 100 pixels in a row with levels 0..99 on channel 0 and 200 on channel 1. */
    private static Mat ramp() {
        Mat image = new Mat(1, 100, CvType.CV_8UC3, new Scalar(0, 200, 0));
        for (int x = 0; x < 100; x++) {
            image.put(0, x, x, 200, 0);
        }
        return image;
    }

    @Test
    void quantileOfTheWholeImageCountsEveryPixelOfTheChosenChannel() {
        Mat image = ramp();
        assertEquals(94, Regions.quantile(image, 0, new Mat(), 0.95));
        assertEquals(98, Regions.quantile(image, 0, new Mat(), 0.99));
        assertEquals(200, Regions.quantile(image, 1, new Mat(), 0.5));
    }

    @Test
    void quantileUnderAMaskCountsOnlyTheMaskedPixels() {
        Mat image = ramp();
        Mat mask = Mat.zeros(1, 100, CvType.CV_8U);
        for (int x = 0; x < 10; x++) {
            mask.put(0, x, 255);
        }
        assertEquals(9, Regions.quantile(image, 0, mask, 0.95));
        assertTrue(Double.isNaN(Regions.quantile(image, 0, Mat.zeros(1, 100, CvType.CV_8U), 0.95)));
    }

    /** Counted within the mask's bounding box: a mask away from the image's corner reads only its own pixels. */
    @Test
    void aMaskInsideTheImageCountsItsPixelsAndSharesOnlyThem() {
        Mat image = ramp();
        Mat mask = Mat.zeros(1, 100, CvType.CV_8U);
        for (int x = 40; x < 50; x++) {
            mask.put(0, x, 255);
        }
        mask.put(0, 60, 255);
        assertArrayEquals(new double[] {40, 49, 60}, Regions.quantiles(image, 0, mask, 0.05, 0.9, 1));
        Mat binary = Mat.zeros(1, 100, CvType.CV_8U);
        binary.put(0, 45, 255);
        binary.put(0, 70, 255);
        assertEquals(1 / 11.0, Regions.shareUnder(binary, mask), 1e-12);
    }

    @Test
    void aMaskThatIsNotAnEightBitImageOfTheImagesSizeIsRefused() {
        Mat image = ramp();
        assertThrows(IllegalArgumentException.class, () -> Regions.quantile(image, 0, Mat.ones(1, 50, CvType.CV_8U), 0.5));
        assertThrows(IllegalArgumentException.class, () -> Regions.quantile(image, 0, Mat.ones(1, 100, CvType.CV_32F), 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> Regions.shareUnder(Mat.ones(1, 100, CvType.CV_8U), Mat.ones(2, 100, CvType.CV_8U)));
    }

    @Test
    void severalQuantilesFromOneHistogramAgreeWithOneAtATime() {
        Mat image = ramp();
        assertArrayEquals(new double[] {1, 94, 98, 99}, Regions.quantiles(image, 0, new Mat(), 0.02, 0.95, 0.99, 1));
        double[] none = Regions.quantiles(image, 0, Mat.zeros(1, 100, CvType.CV_8U), 0.02, 0.98);
        assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
    }
}
