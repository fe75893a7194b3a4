package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/** C2: the head must fill enough of the frame to be cut to the licence format without a tiny face. */
public final class FaceSizeCheck extends BaseCheck {

    private static final Guidance CLOSER = new Guidance("脸部在画面中太小：请靠近相机，让头部占满更多画面",
            "Your face is too small in the frame: move closer so that your face fills more of the frame");

    public FaceSizeCheck() {
        super("C2", "FACE_SIZE", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double ratio = a.head().width() / (double) a.work().cols();
        return Results.atLeast(rule(), "FACE_SIZE_OK", "FACE_TOO_SMALL", ratio, a.config().geometry().minHeadWidthRatio(),
                "head width / photo width", CLOSER);
    }
}
