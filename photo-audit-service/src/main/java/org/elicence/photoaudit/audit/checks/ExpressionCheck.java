package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * C9: mouth closed. Visible teeth are brighter than the skin and nearly colourless, so their fraction in the
 * mouth region reveals a smile with open lips or an open mouth. Other expressions are not assessed.
 */
public final class ExpressionCheck extends SkinBasedCheck {

    /** Teeth: at least this much L* above the skin and chroma below this fraction of the skin chroma. */
    private static final double TEETH_LIGHTER_THAN_SKIN = 4;
    private static final double TEETH_CHROMA_FRACTION = 0.55;
    private static final Guidance NEUTRAL = new Guidance("请保持自然表情、嘴巴闭合，不要露齿微笑",
            "Keep a neutral expression with your mouth closed; do not smile showing your teeth");

    public ExpressionCheck() {
        super("C9", "EXPRESSION");
    }

    @Override
    CheckResult evaluateWithSkin(PhotoAnalysis a) {
        Rect mouth = Regions.clip(Regions.ofFace(a.requireFace().box(), 0.30, 0.72, 0.70, 0.92), a.lab());
        LabColour skin = a.skin().reference();
        double lMin = (skin.l() + TEETH_LIGHTER_THAN_SKIN) * 255 / 100;
        double chromaMax = skin.chroma() * TEETH_CHROMA_FRACTION;
        Mat teeth = new Mat();
        Core.inRange(a.lab().submat(mouth), new Scalar(lMin, 128 - chromaMax, 128 - chromaMax),
                new Scalar(255, 128 + chromaMax, 128 + chromaMax), teeth);
        double fraction = Core.countNonZero(teeth) / (double) Math.max(1, mouth.area());
        teeth.release();
        return Results.atMost(rule(), "NEUTRAL_EXPRESSION", "MOUTH_OPEN", fraction, a.config().face().maxTeethFraction(),
                "tooth-like fraction of mouth region", NEUTRAL);
    }
}
