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
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * R10: eyes visible and open. Openness: the lid gap over the eye's width, from the eyelid landmarks, for the
 * less open eye. Dark lenses: the eye regions (the eye outline enlarged to cover lenses) much darker than the
 * person's own skin. Tinted lenses: even the brighter eye has no light pixels (no white of the eye, no catch
 * light) against the photo's own highlights; a lens light enough to pass the region test on dark skin still
 * darkens the sclera. A blurred photo smears the sclera into the iris, so that measure waits for a sharp face.
 * Glare: light clipped to white over the eyes; NOT_ASSESSABLE on a washed-out photo (C5's decision), where the eyes
 * and the skin around them clip to white with the rest of the face.
 */
public final class EyesCheck extends BaseCheck {

    private static final Measure EYE_REGION_SKIN_LIGHTNESS = new Measure("眼部区域亮度 / 皮肤亮度", "eye-region / skin lightness");
    private static final Measure SCLERA_TO_HIGHLIGHT = new Measure("较亮一只眼睛亮度 L* 的第 95 百分位 / 照片亮度 L* 的第 99 百分位",
            "brighter eye's 95th-pct L* / photo's 99th-pct L*");
    private static final Measure SHARE_EYE_REGIONS_CLIPPED_WHITE = new Measure("眼部区域过曝成纯白的比例",
            "share of the eye regions clipped to white");
    private static final Measure LID_GAP_EYE_WIDTH_LESS = new Measure("眼睑间距 / 眼宽（睁得较小的眼睛）",
            "lid gap / eye width (less open eye)");

    @ConfigMapping(prefix = "photo-audit.r10-eyes")
    public interface Settings {
        /** Lid gap / eye width below this (the less open eye): the eyes are closed. */
        @WithDefault("0.12")
        double minOpenness();

        /** Eye-region L* / skin L* below this: dark lenses. */
        @WithDefault("0.5")
        double minEyeToSkinLightness();

        /**
         * 95th-percentile L* inside the brighter eye's outline over the photo's 99th-percentile L*, below this:
         * tinted lenses (the white of the eye is missing).
         */
        @WithDefault("0.45")
        double minScleraToHighlight();

        /** Largest share of the eye regions clipped to white (glare on glasses) accepted. */
        @WithDefault("0.08")
        double maxGlareShare();
    }

    /** The eye region: the eye outline enlarged this much around its centre (a lens covers about this). */
    static final double LENS_SCALE = 1.8;

    private static final Guidance NO_SUNGLASSES = new Guidance("请摘下墨镜或有色眼镜，露出双眼",
            "Take off sunglasses or tinted glasses so your eyes are visible");
    private static final Guidance GLARE = new Guidance("眼镜反光遮挡了眼睛：请调整角度或摘下眼镜，关闭闪光灯",
            "Your glasses reflect light over your eyes: tilt them slightly or take them off, and turn off the flash");
    private static final Guidance WASHED_OUT = new Guidance("照片过亮，无法判断眼镜是否反光：请关闭闪光灯，避免强光直射后重新拍摄",
            "The photo is too washed out to tell glare on glasses: turn off the flash, avoid direct strong light and"
                    + " retake it");
    private static final Guidance OPEN = new Guidance("眼睛闭合或半闭：请睁大双眼直视镜头",
            "Your eyes are closed or half closed: open your eyes and look straight into the camera");

    private final Settings settings;

    public EyesCheck(Settings settings) {
        super("R10", "EYES", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        FaceLandmarks l = face.landmarks();
        Mat eyes = lensRegion(a, l, FaceLandmarks.RIGHT_EYE);
        Mat left = lensRegion(a, l, FaceLandmarks.LEFT_EYE);
        org.opencv.core.Core.bitwise_or(eyes, left, eyes);
        left.release();
        double lightness = Regions.meanUnder(a.lab(), eyes)[0] * 100 / 255;
        double ratio = lightness / Math.max(1, a.skin().reference().l());
        double glare = Regions.shareInRange(a.grey(), eyes, Regions.CLIPPED, 255);
        eyes.release();
        if (ratio < settings.minEyeToSkinLightness()) {
            return Results.fail(rule(), "DARK_LENSES", ratio, ">= " + Results.fmt(settings.minEyeToSkinLightness()),
                    EYE_REGION_SKIN_LIGHTNESS, NO_SUNGLASSES);
        }
        double sclera = scleraToHighlight(a, l);
        if (sclera < settings.minScleraToHighlight() && !a.blurred()) {
            return Results.fail(rule(), "TINTED_LENSES", sclera, ">= " + Results.fmt(settings.minScleraToHighlight()),
                    SCLERA_TO_HIGHLIGHT, NO_SUNGLASSES);
        }
        if (glare > settings.maxGlareShare()) {
            if (a.washedOut()) {
                // the whites of the eyes and the skin around them clip to white as glare on a lens does (C5 names
                // the light): 6 washed-out photos of the corpus were told "glare on your glasses"
                return notAssessable(WASHED_OUT);
            }
            return Results.fail(rule(), "GLASSES_GLARE", glare, "<= " + Results.fmt(settings.maxGlareShare()),
                    SHARE_EYE_REGIONS_CLIPPED_WHITE, GLARE);
        }
        double openness = Math.min(
                openness(l, FaceLandmarks.RIGHT_EYE_UPPER_LID, FaceLandmarks.RIGHT_EYE_LOWER_LID,
                        FaceLandmarks.RIGHT_EYE_OUTER, FaceLandmarks.RIGHT_EYE_INNER),
                openness(l, FaceLandmarks.LEFT_EYE_UPPER_LID, FaceLandmarks.LEFT_EYE_LOWER_LID,
                        FaceLandmarks.LEFT_EYE_OUTER, FaceLandmarks.LEFT_EYE_INNER));
        return Results.atLeast(rule(), "EYES_VISIBLE", "EYES_CLOSED", openness, settings.minOpenness(),
                LID_GAP_EYE_WIDTH_LESS, OPEN);
    }

    /** The brighter eye's 95th-percentile L* inside its outline, over the photo's 99th-percentile L*. */
    static double scleraToHighlight(PhotoAnalysis a, FaceLandmarks l) {
        double brighter = 0;
        for (int[] eye : new int[][] {FaceLandmarks.RIGHT_EYE, FaceLandmarks.LEFT_EYE}) {
            Mat outline = Regions.polygon(a.grey().size(), l.polygon(eye));
            double light = Regions.quantile(a.lab(), 0, outline, 0.95);
            outline.release();
            if (!Double.isNaN(light)) {
                brighter = Math.max(brighter, light);
            }
        }
        double highlight = Regions.quantile(a.lab(), 0, new Mat(), 0.99);
        return brighter / Math.max(1, highlight);
    }

    static double openness(FaceLandmarks l, int upper, int lower, int outer, int inner) {
        return l.distance(upper, lower) / Math.max(1, l.distance(outer, inner));
    }

    static Mat lensRegion(PhotoAnalysis a, FaceLandmarks l, int[] eye) {
        Point centre = l.centre(eye);
        Point[] outline = l.polygon(eye);
        for (Point p : outline) {
            p.x = centre.x + (p.x - centre.x) * LENS_SCALE;
            p.y = centre.y + (p.y - centre.y) * LENS_SCALE * 1.6;
        }
        return Regions.polygon(a.grey().size(), outline);
    }
}
