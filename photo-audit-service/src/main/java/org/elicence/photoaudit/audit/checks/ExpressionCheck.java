package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * C9: neutral expression, mouth closed. The lips are apart when the gap between the inner lip landmarks is a
 * noticeable part of the mouth's width; teeth show as light, unsaturated pixels between the inner lips. A
 * closed-mouth smile is not a violation here (docs/photo-audit.md: the office's own borderline call). Under a
 * covered mouth (R9's decision) nothing is judged: NOT_ASSESSABLE.
 */
public final class ExpressionCheck extends BaseCheck {

    private static final Measure INNER_LIP_GAP_MOUTH_WIDTH = new Measure("上下唇内缘间距 / 嘴宽", "inner-lip gap / mouth width");
    private static final Measure TOOTH_LIKE_SHARE_MOUTH = new Measure("嘴部类似牙齿的像素占比", "tooth-like share of the mouth");

    @ConfigMapping(prefix = "photo-audit.c9-expression")
    public interface Settings {
        /** Gap between the inner lips / mouth width above this: the mouth is open. */
        @WithDefault("0.16")
        double maxLipGap();

        /** Tooth-like pixels / mouth-outline area above this: teeth are showing. */
        @WithDefault("0.04")
        double maxTeethShare();
    }

    private static final Guidance NEUTRAL = new Guidance("请保持自然表情、嘴巴闭合，不要露齿微笑",
            "Keep a neutral expression with your mouth closed; do not smile showing your teeth");
    private static final Guidance MOUTH_HIDDEN = new Guidance("嘴部被遮挡，无法判断表情：请露出整个脸部",
            "Your mouth is covered, so your expression cannot be judged: show your whole face");
    /** Teeth: at most this chroma (Lab) and at least this much lighter than the person's skin (L*). */
    private static final double TEETH_MAX_CHROMA = 16;
    private static final double TEETH_MIN_LIGHTER = 4;

    private final Settings settings;

    public ExpressionCheck(Settings settings) {
        super("C9", "EXPRESSION", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        FaceLandmarks l = face.landmarks();
        if (a.mouthCovered()) {
            return notAssessable(MOUTH_HIDDEN);
        }
        double width = Math.max(1, l.distance(FaceLandmarks.MOUTH_RIGHT, FaceLandmarks.MOUTH_LEFT));
        double gap = l.distance(FaceLandmarks.UPPER_LIP_INNER, FaceLandmarks.LOWER_LIP_INNER) / width;
        double teeth = teethShare(a, l);
        if (gap > settings.maxLipGap()) {
            return Results.fail(rule(), "MOUTH_OPEN", gap, "<= " + Results.fmt(settings.maxLipGap()),
                    INNER_LIP_GAP_MOUTH_WIDTH, NEUTRAL);
        }
        return Results.atMost(rule(), "NEUTRAL_EXPRESSION", "TEETH_VISIBLE", teeth, settings.maxTeethShare(),
                TOOTH_LIKE_SHARE_MOUTH, NEUTRAL);
    }

    private static double teethShare(PhotoAnalysis a, FaceLandmarks l) {
        Mat mouth = Regions.polygon(a.lab().size(), l.polygon(FaceLandmarks.LIPS_OUTER));
        Mat inner = Regions.polygon(a.lab().size(), l.polygon(FaceLandmarks.LIPS_INNER));
        double[] skin = a.skin().reference8();
        double minL = skin[0] + TEETH_MIN_LIGHTER * 255 / 100;
        Mat teeth = new Mat();
        Core.inRange(a.lab(), new Scalar(minL, 128 - TEETH_MAX_CHROMA, 128 - TEETH_MAX_CHROMA),
                new Scalar(255, 128 + TEETH_MAX_CHROMA, 128 + TEETH_MAX_CHROMA), teeth);
        Core.bitwise_and(teeth, inner, teeth);
        double area = Core.countNonZero(mouth);
        double share = area == 0 ? 0 : Core.countNonZero(teeth) / area;
        for (Mat m : new Mat[] {mouth, inner, teeth}) {
            m.release();
        }
        return share;
    }
}
