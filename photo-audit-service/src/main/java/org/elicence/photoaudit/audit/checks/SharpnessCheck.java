package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * C4: the face's sharpness ({@link PhotoAnalysis#faceSharpness()}: variance of the second derivative at a fixed
 * face width, the weaker axis, over the face's own contrast).
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

    private final Settings settings;

    public SharpnessCheck(Settings settings) {
        super("C4", "SHARPNESS", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double variance = a.faceSharpness();
        return Results.atLeast(rule(), "SHARP", "IMAGE_BLURRED", variance, settings.minVariance(),
                "2nd-derivative variance / grey variance (weaker axis)", STEADY);
    }
}
