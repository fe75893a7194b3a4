package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * C6: natural colour. Greyscale from the mean chroma of the photo; colour cast from the hue of the
 * applicant's skin (a cast shifts skin out of the natural hue range, whereas a coloured wall does not, so
 * a coloured background is left to R2); posterisation from the number of grey levels on the face.
 */
public final class ColourCheck extends BaseCheck {

    /** A wall this light is meant to be white; its tint is the camera's white balance, not paint. */
    /** L* from which a plain wall is taken as white, so that its tint is the photo's colour cast (also used by R5). */
    static final double NEAR_WHITE_WALL = 85;
    private static final Guidance COLOUR = new Guidance("请上传彩色照片，不要使用黑白或滤镜效果",
            "Upload a colour photo: no black-and-white or filter effects");
    private static final Guidance CAST = new Guidance("照片偏色：请在自然光或白色灯光下拍摄，关闭美颜和滤镜",
            "The colours are off: take the photo in daylight or white light and turn off filters");
    private static final Guidance POSTER = new Guidance("照片色阶损失严重：请上传未经压缩或编辑的原始照片",
            "The photo has lost its tonal detail: upload the original, unedited photo");

    public ColourCheck() {
        super("C6", "COLOUR", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        AuditConfig.Colour c = a.config().colour();
        double meanAbsChroma = meanAbsoluteChroma(a.lab());
        if (meanAbsChroma < c.minImageChroma()) {
            return Results.fail(rule(), "GREYSCALE", meanAbsChroma, ">= " + Results.fmt(c.minImageChroma()),
                    "mean chroma", COLOUR);
        }
        LabColour wall = a.background().colour();
        if (a.background().uniform() && wall.l() >= NEAR_WHITE_WALL && wall.chroma() > c.maxBackgroundCast()) {
            return Results.fail(rule(), "COLOUR_CAST", wall.chroma(), "<= " + Results.fmt(c.maxBackgroundCast()),
                    "chroma of the near-white background", CAST);
        }
        double hue = a.skin().reference().hueDegrees();
        if (hue < c.minSkinHue() || hue > c.maxSkinHue()) {
            return Results.fail(rule(), "COLOUR_CAST", hue, "[" + Results.fmt(c.minSkinHue()) + ", "
                    + Results.fmt(c.maxSkinHue()) + "]", "skin hue (degrees)", CAST);
        }
        int levels = distinctLevels(a.grey(), Regions.ofFace(a.requireFace().box(), 0.15, 0.15, 0.85, 0.95));
        return Results.atLeast(rule(), "NATURAL_COLOUR", "POSTERISED", levels, c.minFaceGreyLevels(), "grey levels", POSTER);
    }

    /** Mean of |a*| + |b*| style chroma per pixel (not of the mean colour, which cancels opposite hues). */
    private static double meanAbsoluteChroma(Mat lab) {
        java.util.List<Mat> ch = new java.util.ArrayList<>();
        Core.split(lab, ch);
        Mat a = new Mat();
        Mat b = new Mat();
        Core.absdiff(ch.get(1), new org.opencv.core.Scalar(128), a);
        Core.absdiff(ch.get(2), new org.opencv.core.Scalar(128), b);
        double result = Core.mean(a).val[0] + Core.mean(b).val[0];
        for (Mat m : java.util.List.of(a, b, ch.get(0), ch.get(1), ch.get(2))) {
            m.release();
        }
        return result;
    }

    private static int distinctLevels(Mat grey, Rect region) {
        Mat face = grey.submat(Regions.clip(region, grey));
        boolean[] seen = new boolean[256];
        byte[] data = new byte[(int) face.total()];
        face.clone().get(0, 0, data);
        int count = 0;
        for (byte v : data) {
            if (!seen[v & 0xFF]) {
                seen[v & 0xFF] = true;
                count++;
            }
        }
        return count;
    }
}
