package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * R6: a fringe over the eyebrows replaces forehead skin by hair. Measured as the non-skin fraction of the
 * band just above the eyebrows. Hair over the ears is not assessed (cascades give no ear landmarks).
 */
public final class HairOverFaceCheck extends SkinBasedCheck {

    private static final Guidance FRINGE = new Guidance("头发遮挡了眉毛或脸部：请将刘海梳起，露出眉毛和额头",
            "Hair covers your eyebrows or face: pin your fringe back so your forehead and eyebrows show");

    public HairOverFaceCheck() {
        super("R6", "HAIR_OVER_FACE");
    }

    @Override
    CheckResult evaluateWithSkin(PhotoAnalysis a) {
        double covered = 1 - a.skin().fractionInFace(a.requireFace().box(), 0.30, 0.10, 0.70, 0.22);
        return Results.atMost(rule(), "FOREHEAD_VISIBLE", "HAIR_OVER_FACE", covered,
                a.config().face().maxForeheadCover(), "non-skin fraction of forehead band", FRINGE);
    }
}
