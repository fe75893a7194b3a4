package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * R4: head turned left or right: yaw of the head pose fitted to the landmarks (solvePnP). A FAIL on a blurred face
 * (C4's decision) is NOT_ASSESSABLE: its landmarks are placed less precisely.
 */
public final class HeadYawCheck extends BaseCheck {

    private static final Measure YAW_DEGREES = new Measure("|偏转角|（度）", "|yaw| (degrees)");

    @ConfigMapping(prefix = "photo-audit.r4-head-yaw")
    public interface Settings {
        /**
         * Largest |yaw| accepted, degrees: the standard's 5 plus the estimate's own spread on frontal faces
         * (docs/photo-audit.md gives the measurement).
         */
        @WithDefault("11")
        double maxDegrees();
    }

    /** R4's pitch reads it too. */
    static final Guidance BLURRED = new Guidance("照片模糊，无法准确判断头部朝向：请保持手机稳定，对焦后重新拍摄",
            "The photo is blurred, so the direction of your head cannot be judged precisely: hold the phone steady,"
                    + " let it focus and retake the photo");
    private static final Guidance STRAIGHT = new Guidance("头部左右偏转：请正对镜头，不要侧脸",
            "Your head is turned: face the camera straight on");

    private final Settings settings;

    public HeadYawCheck(Settings settings) {
        super("R4", "HEAD_YAW", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double yaw = Math.abs(a.requireFace().pose().yaw());
        CheckResult result = Results.atMost(rule(), "HEAD_FRONTAL", "HEAD_TURNED", yaw, settings.maxDegrees(),
                YAW_DEGREES, STRAIGHT);
        // the landmarks of a blurred face (C4 reports it) are placed less precisely, and the pose fit moves with them
        return unlessDefeated(result, a.blurred(), BLURRED);
    }
}
