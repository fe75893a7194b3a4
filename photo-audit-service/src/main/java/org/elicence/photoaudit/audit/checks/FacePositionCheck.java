package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.render.LicenceCrop;
import org.opencv.core.Rect;

/**
 * C2: the licence frame placed around the head (head width 165-189 px of 260, hair 10-20 px below the
 * top, centred) must lie inside the photo; otherwise the head is off-centre or too close to an edge.
 */
public final class FacePositionCheck extends BaseCheck {

    private static final Guidance CENTRE = new Guidance("请让头部位于画面正中，头顶上方和两侧留出空白",
            "Centre your head in the frame with some space above your hair and on both sides");

    public FacePositionCheck() {
        super("C2", "FACE_POSITION", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        Rect crop = LicenceCrop.inWorkingImage(a.head(), a.config().portrait());
        double coverage = LicenceCrop.coverage(crop, a.work().cols(), a.work().rows());
        return Results.atLeast(rule(), "FACE_POSITION_OK", "FACE_OFF_CENTRE", coverage,
                a.config().geometry().minCropCoverage(), "fraction of licence frame inside photo", CENTRE);
    }
}
