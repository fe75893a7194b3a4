package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * C4: the face's sharpness ({@link PhotoAnalysis#faceSharpness()}: variance of the second derivative at a fixed
 * face width, the weaker axis, over the face's own contrast), against {@code photo-audit.sharpness.min-variance}, which
 * the measures blur defeats share ({@link PhotoAnalysis#blurred()}). A face with fewer pixels than the licence portrait
 * needs (C7) is NOT_ASSESSABLE: enlarged to that width, it is soft whether or not the photo is.
 */
public final class SharpnessCheck extends BaseCheck {

    private static final Measure SECOND_DERIVATIVE_TO_GREY_VARIANCE = new Measure("二阶导数方差 / 灰度方差（较弱的方向）",
            "2nd-derivative variance / grey variance (weaker axis)");

    private static final Guidance STEADY = new Guidance("照片模糊：请保持相机稳定、对准脸部对焦，并在光线充足处拍摄",
            "The photo is blurred: hold the camera steady, focus on your face and use more light");

    private static final Guidance FEW_PIXELS = new Guidance("脸部像素太少，无法判断照片是否清晰：请靠近一些或使用更高像素的相机拍摄",
            "Your face has too few pixels to tell whether the photo is sharp: move closer or use a better camera");

    public SharpnessCheck() {
        super("C4", "SHARPNESS", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        if (a.tooFewHeadPixels()) {
            // the measure enlarges the face to 128 px; one this small is soft whatever the lens did (C7 reports it)
            return notAssessable(FEW_PIXELS);
        }
        return Results.atLeast(rule(), "SHARP", "IMAGE_BLURRED", a.faceSharpness(), a.sharpnessSettings().minVariance(),
                SECOND_DERIVATIVE_TO_GREY_VARIANCE, STEADY);
    }
}
