package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** The images of a step are released when it ends, not when a garbage collection finalizes them. */
class NativeMatsTest {

    @BeforeAll
    static void loadOpenCv() {
        OpenCvRuntime.ensureLoaded();
    }

    @Test
    void closingReleasesEveryRegisteredImage() {
        Mat first;
        Mat second;
        try (NativeMats mats = new NativeMats()) {
            first = mats.add(new Mat(100, 100, CvType.CV_8UC3, new Scalar(1, 2, 3)));
            second = mats.mat();
            first.copyTo(second);
            assertFalse(first.empty());
            assertFalse(second.empty());
        }
        assertTrue(first.empty(), "pixels released");
        assertTrue(second.empty(), "pixels released");
    }

    @Test
    void anImageCanBeReleasedEarlyOrKeptBeyondTheScope() {
        Mat early;
        Mat kept;
        try (NativeMats mats = new NativeMats()) {
            early = mats.add(new Mat(100, 100, CvType.CV_8UC1, new Scalar(7)));
            kept = mats.add(new Mat(100, 100, CvType.CV_8UC1, new Scalar(9)));
            mats.release(early);
            assertTrue(early.empty());
            mats.keep(kept);
        }
        assertFalse(kept.empty(), "kept: the caller releases it");
        kept.release();
    }

    @Test
    void anExceptionStillReleasesTheImages() {
        Mat image = null;
        try (NativeMats mats = new NativeMats()) {
            image = mats.add(new Mat(50, 50, CvType.CV_8UC1, new Scalar(0)));
            throw new IllegalStateException("check failed");
        } catch (IllegalStateException expected) {
            // the image of the failed step is gone all the same
        }
        assertTrue(image.empty());
    }
}
