package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.detect.DetectedFace;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * R4 (yaw): for a head modelled as a cylinder turned by yaw θ, the nose line (eye midpoint) splits the
 * visible face width into r(1+sinθ) and r(1−sinθ), so sinθ = (L−R)/(L+R). L and R are read on the jaw
 * rows from the person silhouette, so yaw is assessed only on a uniform background.
 */
public final class HeadYawCheck extends BaseCheck {

    private static final double[] ROWS = {0.60, 0.66, 0.72};
    private static final Guidance UNKNOWN = new Guidance("无法判断头部是否偏转，将由人工审核",
            "Whether your head is turned could not be judged; a reviewer will check this");
    private static final Guidance STRAIGHT = new Guidance("头部左右偏转：请正对镜头，不要侧脸",
            "Your head is turned: face the camera straight on");

    public HeadYawCheck() {
        super("R4", "HEAD_YAW", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        DetectedFace face = a.requireFace();
        Rect box = face.box();
        double noseX = face.hasBothEyes() ? (face.leftEye().get().x + face.rightEye().get().x) / 2
                : box.x + box.width / 2.0;
        // silhouette only: on a plain wall it is insensitive to side lighting and wrinkles. The skin mask
        // was tried as a fallback and gave 20-30 degree errors on frontal faces (glasses, wrinkles).
        if (!a.background().uniform()) {
            return notAssessable(UNKNOWN);
        }
        Mat mask = a.background().personMask();
        double[] ratios = new double[ROWS.length];
        for (int i = 0; i < ROWS.length; i++) {
            int row = (int) Math.round(box.y + box.height * ROWS[i]);
            ratios[i] = sideRatio(mask, row, (int) Math.round(noseX), (int) (box.width * 0.9));
        }
        java.util.Arrays.sort(ratios);
        if (Double.isNaN(ratios[1])) {
            return notAssessable(UNKNOWN);
        }
        double yaw = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, ratios[1]))));
        return Results.atMost(rule(), "FACING_CAMERA", "HEAD_TURNED", Math.abs(yaw), a.config().pose().maxYawDegrees(),
                "degrees (symmetry estimate)", STRAIGHT);
    }

    /** (L - R) / (L + R) of the mask run through {@code x} on {@code row}, each side capped at {@code maxReach}. */
    private static double sideRatio(Mat mask, int row, int x, int maxReach) {
        if (row < 0 || row >= mask.rows() || x <= 0 || x >= mask.cols() - 1) {
            return 0;
        }
        byte[] line = new byte[mask.cols()];
        mask.row(row).clone().get(0, 0, line);
        int gapAllowed = Math.max(2, maxReach / 20);
        int left = reach(line, x, -1, maxReach, gapAllowed);
        int right = reach(line, x, 1, maxReach, gapAllowed);
        // a side with no face pixels at all is a segmentation failure, not a 90-degree turn
        return left == 0 || right == 0 ? Double.NaN : (left - right) / (double) (left + right);
    }

    private static int reach(byte[] line, int x, int step, int maxReach, int gapAllowed) {
        int last = 0;
        int gap = 0;
        for (int d = 1; d <= maxReach; d++) {
            int xx = x + step * d;
            if (xx < 0 || xx >= line.length) {
                break;
            }
            if (line[xx] != 0) {
                last = d;
                gap = 0;
            } else if (++gap > gapAllowed) {
                break;
            }
        }
        return last;
    }
}
