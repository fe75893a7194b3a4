package org.elicence.photoaudit.audit.checks;

import java.util.Optional;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.detect.DetectedFace;
import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * R10: eyes visible and open. Dark lenses: the eye regions are much darker than the cheeks. Glare:
 * clipped pixels over the eyes. Eyes the cascade cannot find (closed, looking away, hidden) cannot be
 * confirmed: NOT_ASSESSABLE, which blocks automatic acceptance because R10 is mandatory by default.
 */
public final class EyesCheck extends BaseCheck {

    private static final Guidance NO_SUNGLASSES = new Guidance("请摘下墨镜或有色眼镜，露出双眼",
            "Take off sunglasses or tinted glasses so your eyes are visible");
    private static final Guidance GLARE = new Guidance("眼镜反光遮挡了眼睛：请调整角度或摘下眼镜，关闭闪光灯",
            "Your glasses reflect light over your eyes: tilt them slightly or take them off, and turn off the flash");
    private static final Guidance OPEN = new Guidance("未能确认双眼睁开：请睁大双眼直视镜头",
            "Your eyes could not be confirmed open: open your eyes and look straight into the camera");

    public EyesCheck() {
        super("R10", "EYES", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        AuditConfig.Eyes e = a.config().eyes();
        DetectedFace face = a.requireFace();
        Rect box = face.box();
        Rect left = eyeRegion(face.leftEye(), box, 0.30);
        Rect right = eyeRegion(face.rightEye(), box, 0.70);
        // compared with the skin reference (cheeks, or forehead when a mask covers the cheeks), in L*
        double eyes = (Regions.mean(a.lab(), left) + Regions.mean(a.lab(), right)) / 2 * 100 / 255;
        double ratio = eyes / Math.max(1, a.skin().reference().l());
        if (ratio < e.minEyeToSkinBrightness()) {
            return Results.fail(rule(), "DARK_LENSES", ratio, ">= " + Results.fmt(e.minEyeToSkinBrightness()),
                    "eye / skin lightness", NO_SUNGLASSES);
        }
        double glare = Math.max(FaceLightingCheck.clippedFraction(a.grey(), left),
                FaceLightingCheck.clippedFraction(a.grey(), right));
        if (glare > e.maxGlareFraction()) {
            return Results.fail(rule(), "GLASSES_GLARE", glare, "<= " + Results.fmt(e.maxGlareFraction()),
                    "clipped fraction over the eyes", GLARE);
        }
        if (!face.hasBothEyes()) {
            return notAssessable(OPEN);
        }
        return Results.pass(rule(), "EYES_VISIBLE", ratio, ">= " + Results.fmt(e.minEyeToSkinBrightness()),
                "eye / skin lightness");
    }

    /** Region around a detected eye, or around where a frontal face has it when the cascade missed it. */
    private static Rect eyeRegion(Optional<Point> eye, Rect box, double expectedX) {
        Point c = eye.orElse(new Point(box.x + box.width * expectedX, box.y + box.height * 0.40));
        int w = (int) (box.width * 0.20);
        int h = (int) (box.height * 0.12);
        return new Rect((int) c.x - w / 2, (int) c.y - h / 2, w, h);
    }
}
