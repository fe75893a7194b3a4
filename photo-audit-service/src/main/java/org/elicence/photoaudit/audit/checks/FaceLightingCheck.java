package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/** R1: both halves of the face equally lit (no side shadow) and no clipped flash hot spots. */
public final class FaceLightingCheck extends BaseCheck {

    static final int CLIPPED_LEVEL = 250;
    private static final Guidance EVEN = new Guidance("脸部光线不均匀，一侧偏暗：请面向光源（如窗户），让光线均匀照在脸上",
            "One side of your face is darker: face the light source (for example a window) so the light is even");
    private static final Guidance FLASH = new Guidance("脸部有反光亮斑：请关闭闪光灯，面向窗户等柔和光源拍摄",
            "There are bright flash spots on your face: turn off the flash and face a window");

    public FaceLightingCheck() {
        super("R1", "FACE_LIGHTING", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        AuditConfig.Lighting l = a.config().lighting();
        Rect face = a.requireFace().box();
        double left = Regions.mean(a.grey(), Regions.ofFace(face, 0.18, 0.25, 0.42, 0.80));
        double right = Regions.mean(a.grey(), Regions.ofFace(face, 0.58, 0.25, 0.82, 0.80));
        double imbalance = Math.abs(left - right) / Math.max(1, Math.max(left, right));
        if (imbalance > l.maxSideImbalance()) {
            return Results.fail(rule(), "FACE_UNEVENLY_LIT", imbalance, "<= " + Results.fmt(l.maxSideImbalance()),
                    "relative left/right difference", EVEN);
        }
        double clipped = clippedFraction(a.grey(), Regions.ofFace(face, 0.15, 0.1, 0.85, 0.95));
        return Results.atMost(rule(), "FACE_LIGHTING_UNIFORM", "FACE_HOT_SPOT", clipped, l.maxHotSpotFraction(),
                "fraction of clipped face pixels", FLASH);
    }

    static double clippedFraction(Mat grey, Rect region) {
        Mat clipped = new Mat();
        Imgproc.threshold(grey.submat(Regions.clip(region, grey)), clipped, CLIPPED_LEVEL - 1, 255, Imgproc.THRESH_BINARY);
        double fraction = org.opencv.core.Core.countNonZero(clipped) / (double) Math.max(1, clipped.total());
        clipped.release();
        return fraction;
    }
}
