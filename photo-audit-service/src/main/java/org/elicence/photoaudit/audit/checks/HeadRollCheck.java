package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.detect.DetectedFace;
import org.opencv.core.Point;

/** C8: roll = angle of the line through both eye centres. */
public final class HeadRollCheck extends BaseCheck {

    private static final Guidance LEVEL = new Guidance("头部倾斜：请坐直，保持头部端正，双眼保持水平",
            "Your head is tilted: sit upright and keep your head straight, eyes level");

    public HeadRollCheck() {
        super("C8", "HEAD_ROLL", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        DetectedFace face = a.requireFace();
        if (!face.hasBothEyes()) {
            return notAssessable(EYES_NOT_LOCATED);
        }
        double roll = rollDegrees(face.leftEye().get(), face.rightEye().get());
        return Results.atMost(rule(), "HEAD_LEVEL", "HEAD_ROLLED", Math.abs(roll), a.config().pose().maxRollDegrees(),
                "degrees", LEVEL);
    }

    public static double rollDegrees(Point left, Point right) {
        return Math.toDegrees(Math.atan2(right.y - left.y, right.x - left.x));
    }
}
