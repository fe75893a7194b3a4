package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.HeadGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.opencv.core.Rect;

/** C3: whole head (hair top, ears, chin) inside the photo with room for the shoulders below the chin. */
public final class HeadInFrameCheck extends BaseCheck {

    private static final Guidance WHOLE_HEAD = new Guidance("头顶、下巴或耳朵被裁切：请后退一点，使整个头部和肩膀都在画面内",
            "Part of your head is cut off: step back so that your whole head and your shoulders are in the frame");
    private static final Guidance SHOULDERS = new Guidance("请让肩膀也出现在画面中", "Make sure your shoulders are in the frame");

    public HeadInFrameCheck() {
        super("C3", "HEAD_IN_FRAME", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        AuditConfig.Geometry g = a.config().geometry();
        Rect face = a.requireFace().box();
        HeadGeometry head = a.head();
        double margin = Math.min(head.top(), Math.min(head.left(), a.work().cols() - head.right()))
                / (double) face.height;
        if (head.measured() && head.top() <= 1) {
            margin = Math.min(margin, -0.01); // the hair touches the top edge: it is cut off
        }
        if (margin < g.minHeadMargin()) {
            return Results.fail(rule(), "HEAD_CROPPED", margin, ">= " + Results.fmt(g.minHeadMargin()),
                    "margin / face height", WHOLE_HEAD);
        }
        double belowChin = (a.work().rows() - head.chin()) / (double) face.height;
        return Results.atLeast(rule(), "HEAD_IN_FRAME", "SHOULDERS_NOT_IN_FRAME", belowChin, g.minBelowChin(),
                "space below chin / face height", SHOULDERS);
    }
}
