package org.elicence.photoaudit.audit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;

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
    void aViewIsTheRegionsOwnPixelsAndLetsGoOfTheImageWhenTheScopeCloses() {
        Mat image = new Mat(40, 60, CvType.CV_8UC1, new Scalar(0));
        Mat view;
        try (NativeMats mats = new NativeMats()) {
            view = mats.view(image, new Rect(10, 5, 20, 8));
            assertEquals(new Size(20, 8), view.size());
            view.setTo(new Scalar(200)).release();
            assertEquals(200.0, image.get(5, 10)[0], "the view writes the image's own pixels: no copy");
            assertEquals(0.0, image.get(4, 10)[0], "nothing outside the region");
        }
        assertTrue(view.empty(), "the view's header no longer refers to the image's buffer");
        assertEquals(0, view.dataAddr());
        assertEquals(200.0 * 20 * 8 / (40 * 60), Core.mean(image).val[0], 1e-9, "the image itself is untouched");
        image.release();
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
