package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.detect.DetectedFace;

/**
 * R4 (pitch) proxy: nodding moves the eyes up or down inside the frontal face box. The shift from the
 * neutral eye height (fraction of the box height) is mapped to degrees assuming the eyes sit half a box
 * height in front of the rotation axis. A coarse estimate; see the accuracy notes in docs/photo-audit.md.
 */
public final class HeadPitchCheck extends BaseCheck {

    private static final Guidance LEVEL = new Guidance("请平视镜头，不要抬头或低头",
            "Look straight into the camera without raising or lowering your chin");

    public HeadPitchCheck() {
        super("R4", "HEAD_PITCH", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        DetectedFace face = a.requireFace();
        if (!face.hasBothEyes()) {
            return notAssessable(EYES_NOT_LOCATED);
        }
        AuditConfig.Pose pose = a.config().pose();
        double eyeY = (face.leftEye().get().y + face.rightEye().get().y) / 2;
        double height = (eyeY - face.box().y) / face.box().height;
        double sine = Math.max(-1, Math.min(1, (height - pose.neutralEyeHeight()) / 0.5));
        double pitch = Math.toDegrees(Math.asin(sine));
        return Results.atMost(rule(), "HEAD_NOT_NODDING", "HEAD_NODDING", Math.abs(pitch), pose.maxPitchDegrees(),
                "degrees (eye-height estimate)", LEVEL);
    }
}
