package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * C8: head tilted sideways: roll of the head pose (the eye line's angle to the horizontal). A FAIL on a blurred face
 * (C4's decision) is NOT_ASSESSABLE: its landmarks are placed less precisely.
 */
public final class HeadRollCheck extends BaseCheck {

    private static final Measure ROLL_DEGREES = new Measure("|侧倾角|（度）", "|roll| (degrees)");

    @ConfigMapping(prefix = "photo-audit.c8-head-roll")
    public interface Settings {
        /** Largest |roll| accepted, degrees (ISO/IEC 19794-5: 8). */
        @WithDefault("8")
        double maxDegrees();
    }

    private static final Guidance BLURRED = new Guidance("照片模糊，无法准确判断头部是否倾斜：请保持手机稳定，对焦后重新拍摄",
            "The photo is blurred, so the tilt of your head cannot be judged precisely: hold the phone steady, let it"
                    + " focus and retake the photo");
    private static final Guidance LEVEL = new Guidance("头部倾斜：请坐直，保持头部端正，双眼保持水平",
            "Your head is tilted: sit upright and keep your head straight, eyes level");

    private final Settings settings;

    public HeadRollCheck(Settings settings) {
        super("C8", "HEAD_ROLL", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double roll = Math.abs(a.requireFace().pose().roll());
        CheckResult result = Results.atMost(rule(), "HEAD_LEVEL", "HEAD_ROLLED", roll, settings.maxDegrees(),
                ROLL_DEGREES, LEVEL);
        // the landmarks of a blurred face (C4 reports it) are placed less precisely, and the eye line moves with them
        return unlessDefeated(result, a.blurred(), BLURRED);
    }
}
