package org.elicence.photoaudit.audit.checks;

import java.util.List;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * C6: natural colour. Greyscale from the mean chroma of the photo; colour cast from the hue of the applicant's
 * own skin (every human skin tone lies in one narrow hue band under neutral light, so a cast moves skin out of
 * it, whereas a coloured wall does not: that is R2), and from a coloured background whose tint the person's skin,
 * hair and clothes share (a cast along the skin's own hue band, such as warm light, keeps the skin in the band;
 * {@code SceneTint}); posterisation from the number of grey levels on the face.
 */
public final class ColourCheck extends BaseCheck {

    private static final Measure MEAN_CHROMA = new Measure("平均色度", "mean chroma");
    private static final Measure SKIN_HUE_DEGREES = new Measure("肤色色相（度）", "skin hue (degrees)");
    private static final Measure SHARED_BACKGROUND_TINT = new Measure("人物（皮肤、头发、衣服）也带有的背景色调的比例",
            "share of the background's tint the person carries too (skin, hair, clothes)");
    private static final Measure GREY_LEVELS_ON_FACE = new Measure("面部的灰度级数", "grey levels on the face");

    private static final Guidance COLOUR = new Guidance("请上传彩色照片，不要使用黑白或滤镜效果",
            "Upload a colour photo: no black-and-white or filter effects");
    private static final Guidance CAST = new Guidance("照片偏色：请在自然光或白色灯光下拍摄，关闭美颜和滤镜",
            "The colours are off: take the photo in daylight or white light and turn off filters");
    private static final Guidance POSTER = new Guidance("照片色阶损失严重：请上传未经压缩或编辑的原始照片",
            "The photo has lost its tonal detail: upload the original, unedited photo");

    private final AuditConfig.Colour settings;

    public ColourCheck(AuditConfig.Colour settings) {
        super("C6", "COLOUR", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        if (a.colourless()) {
            return Results.fail(rule(), "GREYSCALE", a.imageChroma(), ">= " + Results.fmt(settings.minImageChroma()),
                    MEAN_CHROMA, COLOUR);
        }
        double hue = a.skin().reference().hueDegrees();
        if (hue < settings.minSkinHue() || hue > settings.maxSkinHue()) {
            return Results.fail(rule(), "COLOUR_CAST", hue, "[" + Results.fmt(settings.minSkinHue()) + ", "
                    + Results.fmt(settings.maxSkinHue()) + "]", SKIN_HUE_DEGREES, CAST);
        }
        if (a.colouredByLight()) {
            return Results.fail(rule(), "COLOUR_CAST", a.tint().shared(),
                    "< " + Results.fmt(a.tintSettings().minShared()),
                    SHARED_BACKGROUND_TINT, CAST);
        }
        Mat face = Regions.polygon(a.grey().size(), a.requireFace().landmarks().polygon(FaceLandmarks.FACE_OVAL));
        int levels = distinctLevels(a.grey(), face);
        face.release();
        return Results.atLeast(rule(), "NATURAL_COLOUR", "POSTERISED", levels, settings.minFaceGreyLevels(),
                GREY_LEVELS_ON_FACE, POSTER);
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
