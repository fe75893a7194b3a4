package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * C7: enough pixels. The licence portrait needs a head 224-260 px long ({@code photo-audit.portrait.min-head-length});
 * a head with fewer pixels in the original upload would have to be enlarged, which adds no detail.
 */
public final class ResolutionCheck extends BaseCheck {

    private static final Measure HEAD_LENGTH_ORIGINAL_PIXELS = new Measure("原图中的头部长度（像素）", "head length in original pixels");

    private static final Guidance MORE_PIXELS = new Guidance("照片分辨率太低：请使用更高像素的相机，或靠近一些拍摄，不要截图",
            "The resolution is too low: use a better camera or move closer, and do not send a screenshot");

    public ResolutionCheck() {
        super("C7", "RESOLUTION", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        return Results.atLeast(rule(), "RESOLUTION_OK", "RESOLUTION_TOO_LOW", a.headLengthInUpload(),
                a.portraitSettings().minHeadLength(), HEAD_LENGTH_ORIGINAL_PIXELS, MORE_PIXELS);
    }
}
