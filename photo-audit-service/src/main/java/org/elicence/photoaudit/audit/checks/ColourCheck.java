package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.ArrayList;
import java.util.List;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * C6: natural colour. Greyscale from the mean chroma of the photo; colour cast from the hue of the applicant's
 * own skin (every human skin tone lies in one narrow hue band under neutral light, so a cast moves skin out of
 * it, whereas a coloured wall does not: that is R2), and from a coloured background whose tint the person's skin,
 * hair and clothes share (a cast along the skin's own hue band, such as warm light, keeps the skin in the band;
 * {@code SceneTint}); posterisation from the number of grey levels on the face.
 */
public final class ColourCheck extends BaseCheck {

    @ConfigMapping(prefix = "photo-audit.c6-colour")
    public interface Settings {
        /** Mean per-pixel chroma of the photo below this: greyscale. */
        @WithDefault("1.5")
        double minImageChroma();

        /** Skin hue angle (Lab, degrees) must lie in [min, max]. */
        @WithDefault("15")
        double minSkinHue();

        @WithDefault("95")
        double maxSkinHue();

        /** Minimum distinct grey levels on the face (posterisation). */
        @WithDefault("40")
        int minFaceGreyLevels();
    }

    private static final Guidance COLOUR = new Guidance("请上传彩色照片，不要使用黑白或滤镜效果",
            "Upload a colour photo: no black-and-white or filter effects");
    private static final Guidance CAST = new Guidance("照片偏色：请在自然光或白色灯光下拍摄，关闭美颜和滤镜",
            "The colours are off: take the photo in daylight or white light and turn off filters");
    private static final Guidance POSTER = new Guidance("照片色阶损失严重：请上传未经压缩或编辑的原始照片",
            "The photo has lost its tonal detail: upload the original, unedited photo");

    private final Settings settings;

    public ColourCheck(Settings settings) {
        super("C6", "COLOUR", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double chroma = meanAbsoluteChroma(a.lab());
        if (chroma < settings.minImageChroma()) {
            return Results.fail(rule(), "GREYSCALE", chroma, ">= " + Results.fmt(settings.minImageChroma()),
                    "mean chroma", COLOUR);
        }
        double hue = a.skin().reference().hueDegrees();
        if (hue < settings.minSkinHue() || hue > settings.maxSkinHue()) {
            return Results.fail(rule(), "COLOUR_CAST", hue, "[" + Results.fmt(settings.minSkinHue()) + ", "
                    + Results.fmt(settings.maxSkinHue()) + "]", "skin hue (degrees)", CAST);
        }
        if (a.colouredByLight()) {
            return Results.fail(rule(), "COLOUR_CAST", a.tint().shared(),
                    "< " + Results.fmt(a.tintSettings().minShared()),
                    "share of the background's tint the person carries too (skin, hair, clothes)", CAST);
        }
        Mat face = Regions.polygon(a.grey().size(), a.requireFace().landmarks().polygon(FaceLandmarks.FACE_OVAL));
        int levels = distinctLevels(a.grey(), face);
        face.release();
        return Results.atLeast(rule(), "NATURAL_COLOUR", "POSTERISED", levels, settings.minFaceGreyLevels(),
                "grey levels on the face", POSTER);
    }

    /** Mean of |a*| + |b*| per pixel (not of the mean colour, which cancels opposite hues). */
    private static double meanAbsoluteChroma(Mat lab) {
        List<Mat> ch = new ArrayList<>();
        Core.split(lab, ch);
        Mat a = new Mat();
        Mat b = new Mat();
        Core.absdiff(ch.get(1), new Scalar(128), a);
        Core.absdiff(ch.get(2), new Scalar(128), b);
        double result = Core.mean(a).val[0] + Core.mean(b).val[0];
        for (Mat m : List.of(a, b, ch.get(0), ch.get(1), ch.get(2))) {
            m.release();
        }
        return result;
    }

    private static int distinctLevels(Mat grey, Mat mask) {
        Mat hist = new Mat();
        org.opencv.imgproc.Imgproc.calcHist(List.of(grey), new org.opencv.core.MatOfInt(0), mask, hist,
                new org.opencv.core.MatOfInt(256), new org.opencv.core.MatOfFloat(0, 256));
        int levels = Core.countNonZero(hist);
        hist.release();
        return levels;
    }
}
