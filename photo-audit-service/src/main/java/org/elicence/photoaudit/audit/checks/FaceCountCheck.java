package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/** C1: exactly one face, counting faces on posters or screens too. */
public final class FaceCountCheck extends BaseCheck {

    private static final Measure FACES = new Measure("人脸数", "faces");

    private static final Guidance NO_FACE = new Guidance("未检测到人脸：请正对镜头，确保脸部完整、光线充足",
            "No face found: face the camera with your whole face visible and well lit");
    private static final Guidance MANY = new Guidance("照片中只能有一个人，请移除背景中的其他人或带人像的海报、屏幕",
            "Only one person may appear: remove other people, posters or screens showing faces");

    public FaceCountCheck() {
        super("C1", "FACE_COUNT", false);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis analysis) {
        int count = analysis.faces().size();
        if (count == 1) {
            return Results.pass(rule(), "ONE_FACE", 1.0, "= 1", FACES);
        }
        return Results.fail(rule(), count == 0 ? "NO_FACE" : "MULTIPLE_FACES", (double) count, "= 1", FACES,
                count == 0 ? NO_FACE : MANY);
    }
}
