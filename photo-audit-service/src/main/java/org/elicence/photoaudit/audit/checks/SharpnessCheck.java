package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * C4: the face's sharpness ({@link PhotoAnalysis#faceSharpness()}: variance of the second derivative at a fixed
 * face width, the weaker axis, over the face's own contrast). A face with fewer pixels than the licence portrait
 * needs (C7) is NOT_ASSESSABLE: enlarged to that width, it is soft whether or not the photo is.
 */
public final class SharpnessCheck extends BaseCheck {

    @ConfigMapping(prefix = "photo-audit.c4-sharpness")
    public interface Settings {
        /**
         * Minimum variance of the 2nd derivative (weaker of x and y) of the face resampled to 128 px wide, over
         * the variance of the face's grey levels.
         */
        @WithDefault("0.15")
        double minVariance();
    }

    private static final Guidance STEADY = new Guidance("照片模糊：请保持相机稳定、对准脸部对焦，并在光线充足处拍摄",
            "The photo is blurred: hold the camera steady, focus on your face and use more light");

    private static final Guidance FEW_PIXELS = new Guidance("脸部像素太少，无法判断照片是否清晰：请靠近一些或使用更高像素的相机拍摄",
            "Your face has too few pixels to tell whether the photo is sharp: move closer or use a better camera");

    private final Settings settings;

    public SharpnessCheck(Settings settings) {
        super("C4", "SHARPNESS", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        if (a.tooFewHeadPixels()) {
            // the measure enlarges the face to 128 px; one this small is soft whatever the lens did (C7 reports it)
            return notAssessable(FEW_PIXELS);
        }
        double variance = a.faceSharpness();
        return Results.atLeast(rule(), "SHARP", "IMAGE_BLURRED", variance, settings.minVariance(),
                "2nd-derivative variance / grey variance (weaker axis)", STEADY);
    }
}
