package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * R4: chin raised or lowered: pitch of the head pose fitted to the landmarks, less the pitch the fit gives a
 * level head on average (the canonical face is not modelled looking exactly level). Under something that covers
 * the mouth (R9's decision, {@code PhotoAnalysis#mouthCovered}) the model guesses the chin and mouth it cannot see
 * and the fit tilts with the guess: a FAIL there is NOT_ASSESSABLE, judged on the photo without the covering. So is
 * a FAIL on a blurred face (C4's decision, as for the yaw).
 */
public final class HeadPitchCheck extends BaseCheck {

    private static final Measure PITCH_DEGREES = new Measure("|俯仰角|（度）", "|pitch| (degrees)");

    @ConfigMapping(prefix = "photo-audit.r4-head-pitch")
    public interface Settings {
        /** Pitch the fit reports for a level head (mean over the calibration people), degrees. */
        @WithDefault("-2")
        double levelDegrees();

        /** Largest |pitch - level| accepted, degrees: the standard's 5 plus the estimate's own spread. */
        @WithDefault("13")
        double maxDegrees();
    }

    private static final Guidance LEVEL = new Guidance("请平视镜头，不要抬头或低头",
            "Look straight into the camera without raising or lowering your chin");
    private static final Guidance COVERED = new Guidance("脸的下半部分被遮挡，无法判断是否抬头或低头：请取下遮挡物后重新拍摄",
            "The lower half of your face is covered, so the tilt of your head cannot be judged: take off what covers"
                    + " it and retake the photo");

    private final Settings settings;

    public HeadPitchCheck(Settings settings) {
        super("R4", "HEAD_PITCH", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double pitch = a.requireFace().pose().pitch() - settings.levelDegrees();
        CheckResult result = Results.atMost(rule(), "HEAD_LEVEL_PITCH", pitch > 0 ? "CHIN_RAISED" : "CHIN_LOWERED",
                Math.abs(pitch), settings.maxDegrees(), PITCH_DEGREES, LEVEL);
        return unlessDefeated(unlessDefeated(result, a.mouthCovered(), COVERED), a.blurred(), HeadYawCheck.BLURRED);
    }
}
