package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * R3: shoulders level and body square to the camera, read from the person silhouette (only trustworthy on
 * a uniform background). Level: angle between the shoulder tops at ±1.2 face widths from the head centre.
 * Square: left/right extent of the body from the head centre just below the shoulder line.
 */
public final class ShouldersCheck extends BaseCheck {

    private static final double SHOULDER_OFFSET = 1.2;
    private static final Guidance LEVEL = new Guidance("肩膀不平：请坐直，双肩放松保持水平",
            "Your shoulders are not level: sit upright with both shoulders relaxed and level");
    private static final Guidance SQUARE = new Guidance("身体侧转：请身体正对镜头坐好", "Your body is turned: sit square to the camera");
    private static final Guidance UNKNOWN = new Guidance("背景不均匀或肩膀不在画面内，无法判断坐姿",
            "Posture cannot be judged: the background is not plain or the shoulders are not in the frame");

    public ShouldersCheck() {
        super("R3", "SHOULDERS", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        Rect face = a.requireFace().box();
        Mat mask = a.background().personMask();
        int cx = (int) Math.round(a.head().centreX());
        // as far out as the photo allows, up to 1.2 face widths (narrow uploads crop the shoulders' ends)
        int dx = Math.min((int) (face.width * SHOULDER_OFFSET), Math.min(cx - 1, mask.cols() - cx - 2));
        if (dx < face.width * 0.6) {
            return notAssessable(UNKNOWN);
        }
        int from = a.head().chin();
        int leftTop = firstPersonRow(mask, cx - dx, from);
        int rightTop = firstPersonRow(mask, cx + dx, from);
        if (!a.background().uniform() || leftTop < 0 || rightTop < 0) {
            return notAssessable(UNKNOWN);
        }
        AuditConfig.Pose pose = a.config().pose();
        double tilt = Math.toDegrees(Math.atan2(Math.abs(rightTop - leftTop), 2.0 * dx));
        if (tilt > pose.maxShoulderTiltDegrees()) {
            return Results.fail(rule(), "SHOULDERS_NOT_LEVEL", tilt, "<= " + Results.fmt(pose.maxShoulderTiltDegrees()),
                    "degrees", LEVEL);
        }
        int row = Math.min(mask.rows() - 1, Math.max(leftTop, rightTop) + face.height / 4);
        int[] extent = extent(mask, row, cx);
        double asymmetry = Math.abs(extent[0] - extent[1]) / (double) Math.max(1, extent[0] + extent[1]);
        return Results.atMost(rule(), "SHOULDERS_LEVEL", "BODY_TURNED", asymmetry, pose.maxShoulderAsymmetry(),
                "left/right body extent asymmetry", SQUARE);
    }

    /** First person row at or below {@code fromRow} in column x; -1 when the column is outside or empty. */
    private static int firstPersonRow(Mat mask, int x, int fromRow) {
        if (x < 0 || x >= mask.cols()) {
            return -1;
        }
        byte[] column = new byte[mask.rows()];
        mask.col(x).clone().get(0, 0, column);
        for (int y = Math.max(0, fromRow); y < column.length; y++) {
            if (column[y] != 0) {
                return y;
            }
        }
        return -1;
    }

    /** Person pixels left and right of {@code cx} on one row, stopping at the photo edge. */
    private static int[] extent(Mat mask, int row, int cx) {
        byte[] line = new byte[mask.cols()];
        mask.row(row).clone().get(0, 0, line);
        int left = 0;
        int right = 0;
        for (int x = cx; x >= 0; x--) {
            left += line[x] != 0 ? 1 : 0;
        }
        for (int x = cx; x < line.length; x++) {
            right += line[x] != 0 ? 1 : 0;
        }
        return new int[] {left, right};
    }
}
