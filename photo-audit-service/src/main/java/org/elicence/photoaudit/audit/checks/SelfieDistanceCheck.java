package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/** R12: a face filling most of the frame was taken at arm's length (wide-angle distortion of a selfie). */
public final class SelfieDistanceCheck extends BaseCheck {

    private static final Guidance FURTHER = new Guidance("相机离脸太近（自拍）：请让他人在 1.5 米外为你拍摄",
            "The camera was too close (selfie): ask someone to take the photo from about 1.5 m away");

    public SelfieDistanceCheck() {
        super("R12", "SELFIE_DISTANCE", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double ratio = a.requireFace().box().width / (double) a.work().cols();
        return Results.atMost(rule(), "CAMERA_DISTANCE_OK", "FACE_TOO_CLOSE", ratio, a.config().selfie().maxFaceWidthRatio(),
                "face width / photo width", FURTHER);
    }
}
