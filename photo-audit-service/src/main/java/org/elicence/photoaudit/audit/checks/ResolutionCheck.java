package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * C7: enough pixels. The licence portrait needs a head 224-260 px long; a head with fewer pixels in the
 * original upload would have to be enlarged, which adds no detail.
 */
public final class ResolutionCheck extends BaseCheck {

    @ConfigMapping(prefix = "photo-audit.c7-resolution")
    public interface Settings {
        /** Head length (top of hair to chin) in ORIGINAL pixels needed for the licence portrait. */
        @WithDefault("224")
        double minHeadLengthPixels();
    }

    private static final Guidance MORE_PIXELS = new Guidance("照片分辨率太低：请使用更高像素的相机，或靠近一些拍摄，不要截图",
            "The resolution is too low: use a better camera or move closer, and do not send a screenshot");

    private final Settings settings;

    public ResolutionCheck(Settings settings) {
        super("C7", "RESOLUTION", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double pixels = a.requireFace().headLength() / a.scale();
        return Results.atLeast(rule(), "RESOLUTION_OK", "RESOLUTION_TOO_LOW", pixels, settings.minHeadLengthPixels(),
                "head length in original pixels", MORE_PIXELS);
    }
}
