package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Point;

/**
 * C3: the whole head in frame, with shoulders. The hair must not run into the top edge (the person mask), the
 * face outline must lie inside the photo with a margin, and there must be room below the chin for the shoulders.
 */
public final class HeadInFrameCheck extends BaseCheck {

    private static final Measure HAIR_TOP_EDGE_PIXELS = new Measure("头发到照片上边缘的距离（像素）", "hair to top edge (pixels)");
    private static final Measure OUTLINE_MARGIN = new Measure("面部轮廓到照片边缘的距离 / 脸宽",
            "face outline to photo edge / face width");
    private static final Measure SPACE_BELOW_CHIN_HEAD_LENGTH = new Measure("下巴以下的空间 / 头部长度",
            "space below the chin / head length");

    @ConfigMapping(prefix = "photo-audit.c3-head-in-frame")
    public interface Settings {
        /** Smallest gap between the face outline (chin, cheeks) and the photo edge, in face widths. */
        @WithDefault("0.05")
        double minOutlineMargin();

        /** Space below the chin for the shoulders, in head lengths (the licence format leaves about 0.45). */
        @WithDefault("0.15")
        double minBelowChin();
    }

    private static final Guidance WHOLE_HEAD = new Guidance("头顶、下巴或耳朵被裁切：请后退一点，使整个头部和肩膀都在画面内",
            "Part of your head is cut off: step back so that your whole head and your shoulders are in the frame");
    private static final Guidance SHOULDERS = new Guidance("请让肩膀也出现在画面中：请后退一点或把相机放低",
            "Make sure your shoulders are in the frame: step back a little or lower the camera");

    private final Settings settings;

    public HeadInFrameCheck(Settings settings) {
        super("C3", "HEAD_IN_FRAME", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        if (face.head().touchesTop()) {
            return Results.fail(rule(), "HEAD_CROPPED", 0.0, "> 0", HAIR_TOP_EDGE_PIXELS, WHOLE_HEAD);
        }
        double margin = Double.MAX_VALUE;
        for (Point p : face.landmarks().polygon(FaceLandmarks.FACE_OVAL)) {
            margin = Math.min(margin, Math.min(Math.min(p.x, a.work().cols() - 1 - p.x), a.work().rows() - 1 - p.y));
        }
        margin /= face.faceWidth();
        if (margin < settings.minOutlineMargin()) {
            return Results.fail(rule(), "HEAD_CROPPED", margin, ">= " + Results.fmt(settings.minOutlineMargin()),
                    OUTLINE_MARGIN, WHOLE_HEAD);
        }
        double chin = face.landmarks().xy(FaceLandmarks.CHIN).y;
        double below = (a.work().rows() - 1 - chin) / face.headLength();
        return Results.atLeast(rule(), "HEAD_IN_FRAME", "SHOULDERS_CROPPED", below, settings.minBelowChin(),
                SPACE_BELOW_CHIN_HEAD_LENGTH, SHOULDERS);
    }
}
