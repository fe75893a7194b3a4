package org.elicence.photoaudit.audit.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** R9 counts highlights on the nose as skin: skin mixed with white, not a covering. */
class NoseHighlightTest {

    /** Skin L* 60, a* 12, b* 15 in OpenCV's 8-bit Lab. */
    private static final double[] SKIN = {60 * 2.55, 128 + 12, 128 + 15};

    @Test
    void skinMixedWithWhiteIsAHighlightAndACoveringIsNot() {
        OpenCvRuntime.ensureLoaded();
        assertEquals(255, highlightAt(0.5), "half white: L* 80, chroma halved");
        assertEquals(0, highlightAt(0.1), "a tenth white: L* 64, within the skin's shading");
        assertEquals(0, highlightAt(0), "the skin itself");
        // lighter than the skin but more saturated (a pink covering), and a pale blue one: not light on skin
        assertEquals(0, at(new Scalar(80 * 2.55, 128 + 30, 128 + 10)));
        assertEquals(255, at(new Scalar(80 * 2.55, 128 - 3, 128 - 5)), "pale and light: taken for light");
    }

    private static double highlightAt(double white) {
        return at(new Scalar((SKIN[0] + white * (255 - SKIN[0])), 128 + (SKIN[1] - 128) * (1 - white),
                128 + (SKIN[2] - 128) * (1 - white)));
    }

    private static double at(Scalar lab) {
        Mat patch = new Mat(4, 4, CvType.CV_8UC3, lab);
        Mat mask = FaceCoverCheck.highlights(patch, SKIN);
        double value = mask.get(2, 2)[0];
        patch.release();
        mask.release();
        return value;
    }
}
