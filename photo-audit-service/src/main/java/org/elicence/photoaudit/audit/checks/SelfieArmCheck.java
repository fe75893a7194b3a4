package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Rect;

/** R12: an arm holding the phone shows as skin along the lower left or right edge of the frame. */
public final class SelfieArmCheck extends SkinBasedCheck {

    private static final double EDGE_BAND = 0.12;
    private static final Guidance NO_ARM = new Guidance("画面中有手臂（自拍）：请让他人为你拍摄，双手放下",
            "An arm is in the frame (selfie): ask someone else to take the photo and keep your hands down");

    public SelfieArmCheck() {
        super("R12", "SELFIE_ARM");
    }

    @Override
    CheckResult evaluateWithSkin(PhotoAnalysis a) {
        int w = a.work().cols();
        int h = a.work().rows();
        int band = (int) (w * EDGE_BAND);
        int top = Math.max(a.head().chin(), h / 2);
        double skin = Math.max(Regions.fraction(a.skin().skinMask(), new Rect(0, top, band, h - top)),
                Regions.fraction(a.skin().skinMask(), new Rect(w - band, top, band, h - top)));
        return Results.atMost(rule(), "NO_ARM_IN_FRAME", "ARM_IN_FRAME", skin, a.config().selfie().maxEdgeSkin(),
                "skin fraction at the lower frame edge", NO_ARM);
    }
}
