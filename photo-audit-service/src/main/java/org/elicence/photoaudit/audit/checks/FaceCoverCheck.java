package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.SkinModel;
import org.opencv.core.Rect;

/**
 * R9: a mask, scarf, hand or phone replaces the skin of the nose, mouth and chin. Measured as the skin
 * fraction of the lower face relative to the upper face (forehead and temples), so that the applicant's
 * own skin tone and the lighting cancel out. A skin-coloured covering is not detected.
 */
public final class FaceCoverCheck extends SkinBasedCheck {

    private static final Guidance UNCOVER = new Guidance("脸部被遮挡：请摘下口罩、围巾，手和手机不要挡住脸",
            "Your face is covered: take off masks and scarves, and keep hands and phone away from your face");

    public FaceCoverCheck() {
        super("R9", "FACE_COVERED");
    }

    @Override
    CheckResult evaluateWithSkin(PhotoAnalysis a) {
        Rect face = a.requireFace().box();
        SkinModel skin = a.skin();
        double lower = (skin.fractionInFace(face, 0.35, 0.62, 0.65, 0.80) + skin.fractionInFace(face, 0.30, 0.80, 0.70, 1.0)) / 2;
        double upper = Math.max(skin.fractionInFace(face, 0.30, 0.05, 0.70, 0.22),
                (skin.fractionInFace(face, 0.12, 0.50, 0.30, 0.70) + skin.fractionInFace(face, 0.70, 0.50, 0.88, 0.70)) / 2);
        double ratio = lower / Math.max(0.05, upper);
        return Results.atLeast(rule(), "FACE_UNCOVERED", "FACE_COVERED", ratio, a.config().face().minLowerToUpperSkin(),
                "lower-face / upper-face skin fraction", UNCOVER);
    }
}
