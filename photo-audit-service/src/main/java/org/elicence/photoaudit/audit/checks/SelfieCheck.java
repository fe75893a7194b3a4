package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.perception.CanonicalFaceModel;
import java.util.List;
import org.opencv.core.Point3;

/**
 * R12: not a selfie, judged by perspective, not by face size. A camera held at arm's length is so close that
 * the middle of the face (nearer the lens) is magnified against its sides: the inner eye corners sit further
 * apart, relative to the face's width at the cheekbones, than they do from a distance. The ratio is set against
 * the same ratio of MediaPipe's canonical face seen from afar. A FAIL on a blurred face (C4's decision) is
 * NOT_ASSESSABLE: its eye corners are placed less precisely.
 */
public final class SelfieCheck extends BaseCheck {

    private static final Measure FACE_CENTRE_MAGNIFICATION = new Measure("面部中心的放大率", "face-centre magnification");

    @ConfigMapping(prefix = "photo-audit.r12-selfie")
    public interface Settings {
        /** Largest magnification of the face's middle against its sides accepted (1 = seen from afar). */
        @WithDefault("1.25")
        double maxCentralMagnification();
    }

    /** Inner-eye-corner distance / cheekbone width of the canonical face, seen from afar (orthographic). */
    private final double canonicalRatio;

    private static final Guidance BLURRED = new Guidance("照片模糊，无法判断是否为近距离自拍：请保持手机稳定，对焦后重新拍摄",
            "The photo is blurred, so the distortion of a close-up selfie cannot be judged: hold the phone steady, let"
                    + " it focus and retake the photo");
    private static final Guidance FURTHER = new Guidance("相机离脸太近（自拍）：请让他人在 1.5 米外为你拍摄",
            "The camera was too close (selfie): ask someone to take the photo from about 1.5 m away");

    private final Settings settings;

    public SelfieCheck(Settings settings) {
        super("R12", "SELFIE", true);
        this.settings = settings;
        List<Point3> canonical = CanonicalFaceModel.load();
        this.canonicalRatio = Math.abs(canonical.get(133).x - canonical.get(362).x)
                / Math.abs(canonical.get(234).x - canonical.get(454).x);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        double ratio = face.landmarks().distance(133, 362) / Math.max(1, face.faceWidth());
        double magnification = ratio / canonicalRatio;
        CheckResult result = Results.atMost(rule(), "NOT_A_SELFIE", "SELFIE_DISTORTION", magnification,
                settings.maxCentralMagnification(), FACE_CENTRE_MAGNIFICATION, FURTHER);
        // the eye corners of a blurred face (C4 reports it) are placed less precisely, and the ratio moves with them
        return unlessDefeated(result, a.blurred(), BLURRED);
    }
}
