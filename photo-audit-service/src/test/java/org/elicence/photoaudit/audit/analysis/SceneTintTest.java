package org.elicence.photoaudit.audit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class SceneTintTest {

    @Test
    void aShiftCountsOnlyAlongTheWallsHueAndBeyondTheNaturalSpread() {
        LabColour typical = new LabColour(0, 10, 10);
        double[] spread = {2, 4};
        // along a* only: 8 above typical, natural spread 2, margin 2.5 -> 8 - 5 = 3
        assertEquals(3, SceneTint.excessShift(new LabColour(0, 18, 10), typical, spread, 1, 0, 2.5), 1e-9);
        // the same shift along b*, where people differ more (spread 4): within it -> 0
        assertEquals(0, SceneTint.excessShift(new LabColour(0, 10, 18), typical, spread, 0, 1, 2.5), 1e-9);
        // a shift against the wall's hue never counts
        assertEquals(0, SceneTint.excessShift(new LabColour(0, -20, 10), typical, spread, 1, 0, 2.5), 1e-9);
    }

    @Test
    void aPhotoWithoutWallHasNoTint() {
        OpenCvRuntime.ensureLoaded();
        Mat lab = new Mat(40, 30, CvType.CV_8UC3, new Scalar(200, 180, 90)); // strongly tinted everywhere
        Mat allPerson = new Mat(40, 30, CvType.CV_32FC1, Scalar.all(1));
        try (PersonMask person = new PersonMask(allPerson, 0.5, 0.1)) {
            SceneTint tint = SceneTint.measure(lab, person, null, 10, 2.5);
            assertEquals(0, tint.shared());
            assertFalse(tint.castByLight(10, 0.1));
        }
    }

    @Test
    void aWallWhiteEnoughIsNotJudgedFurther() {
        OpenCvRuntime.ensureLoaded();
        // OpenCV 8-bit Lab: a* and b* are offset by 128; the wall (left half) is tinted 6 towards red, under 10
        Mat lab = new Mat(40, 30, CvType.CV_8UC3, new Scalar(200, 134, 128));
        Mat personRight = new Mat(40, 30, CvType.CV_32FC1, Scalar.all(0));
        personRight.colRange(15, 30).setTo(Scalar.all(1));
        try (PersonMask person = new PersonMask(personRight, 0.5, 0.1)) {
            // no skin model is passed: the witnesses on the person would need one, so none was measured
            SceneTint tint = SceneTint.measure(lab, person, null, 10, 2.5);
            assertEquals(6, tint.wall().chroma(), 1);
            assertEquals(0, tint.shared());
            assertFalse(tint.castByLight(10, 0.1));
        }
    }
}
