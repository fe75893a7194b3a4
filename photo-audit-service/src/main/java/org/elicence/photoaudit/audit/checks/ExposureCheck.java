package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * C5: exposure and dynamic range, measured so that skin tone does not matter. A dark face is not an
 * underexposed photo: the photo is underexposed when even its brightest part (the white wall, a white shirt,
 * highlights) stays dark, or when much of the face is crushed to black; overexposed when much of the face is
 * (nearly) clipped to white, or when even the pupils are no longer dark (washed out: a lifted black level). A
 * darker or lighter skin moves none of these measures.
 */
public final class ExposureCheck extends BaseCheck {

    @ConfigMapping(prefix = "photo-audit.c5-exposure")
    public interface Settings {
        /** Share of face pixels at or below grey 12 above this: the face is crushed to black. */
        @WithDefault("0.15")
        double maxFaceBlack();

        /** Share of face pixels at or above grey 240 above this: the face is washed out. */
        @WithDefault("0.08")
        double maxFaceWhite();

        /** Minimum grey levels between the photo's 2nd and 98th percentile. */
        @WithDefault("90")
        double minDynamicRange();

        /**
         * The darker eye's darkest 5 % (pupil, lashes) above this grey level: nothing in the photo is black any more,
         * it is washed out (over-exposure with haze or a lifted black level). Pupils are black in every skin tone.
         */
        @WithDefault("87")
        double maxEyeDarkest();

        /** The eyes are judged only on a face at least this sharp (C4's measure: blur mixes the pupil with the iris). */
        @WithDefault("0.15")
        double minSharpnessForEyes();
    }

    /** An eye with more than this share of pixels at grey 250 or more is under glare (R10's), not judged here. */
    static final double EYE_GLARE_SHARE = 0.08;

    private static final Guidance DARK = new Guidance("照片太暗：请在明亮均匀的光线下拍摄，例如面向窗户",
            "The photo is too dark: take it in bright, even light, for example facing a window");
    private static final Guidance BRIGHT = new Guidance("照片过亮：请关闭闪光灯，避免强光直射",
            "The photo is washed out: turn off the flash and avoid direct strong light");
    private static final Guidance FLAT = new Guidance("照片对比度太低：请不要使用滤镜，在光线充足处重新拍摄",
            "The photo has too little contrast: do not use filters and retake it in good light");

    private final Settings settings;

    public ExposureCheck(Settings settings) {
        super("C5", "EXPOSURE", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double bright = a.brightLevel();
        if (a.tooDark()) {
            return Results.fail(rule(), "UNDEREXPOSED", bright,
                    ">= " + Results.fmt(a.exposureSettings().minBrightLevel()), "98th percentile grey level of the photo",
                    DARK);
        }
        Mat face = Regions.polygon(a.grey().size(), a.requireFace().landmarks().polygon(FaceLandmarks.FACE_OVAL));
        double black = shareInRange(a.grey(), face, 0, 12);
        double white = shareInRange(a.grey(), face, 240, 255);
        face.release();
        if (black > settings.maxFaceBlack()) {
            return Results.fail(rule(), "UNDEREXPOSED", black, "<= " + Results.fmt(settings.maxFaceBlack()),
                    "share of the face crushed to black", DARK);
        }
        if (white > settings.maxFaceWhite()) {
            return Results.fail(rule(), "OVEREXPOSED", white, "<= " + Results.fmt(settings.maxFaceWhite()),
                    "share of the face clipped to white", BRIGHT);
        }
        double eyes = darkestInEyes(a);
        if (eyes > settings.maxEyeDarkest() && a.faceSharpness() >= settings.minSharpnessForEyes()) {
            return Results.fail(rule(), "OVEREXPOSED", eyes, "<= " + Results.fmt(settings.maxEyeDarkest()),
                    "darkest grey level in the eyes (the pupils)", BRIGHT);
        }
        return Results.atLeast(rule(), "EXPOSURE_OK", "LOW_CONTRAST", bright - a.darkLevel(), settings.minDynamicRange(),
                "grey levels between 2nd and 98th percentile", FLAT);
    }

    /**
     * The 5th-percentile grey level inside the darker eye's outline (its pupil and lashes); eyes under glare are
     * left out; 0 (nothing to judge) when both are.
     */
    static double darkestInEyes(PhotoAnalysis a) {
        double darkest = Double.MAX_VALUE;
        for (int[] outline : new int[][] {FaceLandmarks.RIGHT_EYE, FaceLandmarks.LEFT_EYE}) {
            Mat eye = Regions.polygon(a.grey().size(), a.requireFace().landmarks().polygon(outline));
            if (Core.countNonZero(eye) > 0 && shareInRange(a.grey(), eye, 250, 255) <= EYE_GLARE_SHARE) {
                darkest = Math.min(darkest, Regions.quantile(a.grey(), 0, eye, 0.05));
            }
            eye.release();
        }
        return darkest == Double.MAX_VALUE ? 0 : darkest;
    }

    static double shareInRange(Mat grey, Mat mask, int low, int high) {
        Mat inRange = new Mat();
        Core.inRange(grey, new org.opencv.core.Scalar(low), new org.opencv.core.Scalar(high), inRange);
        double share = Regions.shareUnder(inRange, mask);
        inRange.release();
        return share;
    }
}
