package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.HeadGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Rect;

/**
 * R2 (shadow): a shadow cast on the wall darkens the band right beside the head compared with the
 * background near the photo edge at the same height. Only assessed on a light background.
 */
public final class BackgroundShadowCheck extends BaseCheck {

    private static final double MIN_LIGHT_BACKGROUND = 60;
    private static final Guidance AWAY = new Guidance("头部后方有阴影：请离墙远一些，并让光线从正前方照射",
            "There is a shadow behind your head: move away from the wall and light your face from the front");
    private static final Guidance DARK = new Guidance("背景不是浅色，无法判断阴影", "The background is not light, so shadows cannot be judged");

    public BackgroundShadowCheck() {
        super("R2", "BACKGROUND_SHADOW", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        Rect face = a.requireFace().box();
        HeadGeometry head = a.head();
        int w = a.work().cols();
        int edge = Math.max(4, (int) (w * 0.06));
        int near = (int) (face.width * 0.30);
        int gap = (int) (face.width * 0.06);
        double worstDrop = Double.NEGATIVE_INFINITY;
        double farLightness = 100;
        int sides = 0;
        for (int side = 0; side < 2; side++) {
            Rect nearBand = side == 0 ? new Rect(head.left() - gap - near, face.y, near, face.height)
                    : new Rect(head.right() + gap, face.y, near, face.height);
            Rect farBand = side == 0 ? new Rect(0, face.y, edge, face.height) : new Rect(w - edge, face.y, edge, face.height);
            Rect nearClipped = Regions.clip(nearBand, a.lab());
            if (nearClipped.width < near / 3 || nearClipped.x < farBand.x + edge && side == 0
                    || side == 1 && nearClipped.x + nearClipped.width > farBand.x) {
                continue;
            }
            double farL = Regions.mean(a.lab(), farBand) * 100 / 255;
            double nearL = Regions.mean(a.lab(), nearClipped) * 100 / 255;
            farLightness = Math.min(farLightness, farL);
            worstDrop = Math.max(worstDrop, farL - nearL);
            sides++;
        }
        if (sides == 0 || farLightness < MIN_LIGHT_BACKGROUND) {
            return notAssessable(DARK);
        }
        return Results.atMost(rule(), "NO_BACKGROUND_SHADOW", "BACKGROUND_SHADOW", worstDrop,
                a.config().background().maxShadowDrop(), "L* drop beside head", AWAY);
    }
}
