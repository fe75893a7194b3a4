package org.elicence.photoaudit.audit.analysis;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Skin colour of THIS face, sampled on both cheeks below the eyes (under glasses frames, above a mask),
 * and the mask of pixels that share it. Using the person's own skin avoids a population skin model
 * that would be biased against some skin tones.
 */
public record SkinModel(LabColour reference, Mat skinMask, boolean plausible) {

    /** Cheek patches in face-box fractions (left and right). */
    static final double[][] CHEEKS = {{0.20, 0.58, 0.34, 0.72}, {0.66, 0.58, 0.80, 0.72}};
    /** Forehead patch, used when the cheeks are covered (mask, scarf). */
    static final double[][] FOREHEAD = {{0.35, 0.08, 0.65, 0.20}};
    /** Hue range (Lab degrees) and minimum chroma of any human skin tone under neutral light. */
    private static final double MIN_HUE = 10;
    private static final double MAX_HUE = 100;
    private static final double MIN_CHROMA = 5;
    /** Maximum L* difference from the reference for a pixel to count as skin (excludes hair and shadow). */
    private static final double MAX_LIGHTNESS_DIFFERENCE = 28;

    public static SkinModel sample(Mat lab, Rect face, double chromaDistance) {
        double[] lab8 = average(lab, face, CHEEKS);
        if (!isPlausibleSkin(LabColour.fromOpenCv(lab8))) {
            double[] forehead = average(lab, face, FOREHEAD);
            lab8 = isPlausibleSkin(LabColour.fromOpenCv(forehead)) ? forehead : lab8;
        }
        LabColour reference = LabColour.fromOpenCv(lab8);
        return new SkinModel(reference, mask(lab, lab8, chromaDistance), isPlausibleSkin(reference));
    }

    private static boolean isPlausibleSkin(LabColour c) {
        return c.chroma() >= MIN_CHROMA && c.hueDegrees() >= MIN_HUE && c.hueDegrees() <= MAX_HUE;
    }

    private static double[] average(Mat lab, Rect face, double[][] patches) {
        double[] sum = new double[3];
        for (double[] c : patches) {
            double[] mean = Regions.meanStdDev(lab, Regions.ofFace(face, c[0], c[1], c[2], c[3]), null)[0];
            for (int i = 0; i < 3; i++) {
                sum[i] += mean[i] / patches.length;
            }
        }
        return sum;
    }

    private static Mat mask(Mat lab, double[] reference8, double chromaDistance) {
        List<Mat> ch = new ArrayList<>();
        Core.split(lab, ch);
        Mat a = new Mat();
        Mat b = new Mat();
        Core.subtract(ch.get(1), new Scalar(reference8[1]), a, new Mat(), CvType.CV_32F);
        Core.subtract(ch.get(2), new Scalar(reference8[2]), b, new Mat(), CvType.CV_32F);
        Mat distance = new Mat();
        Core.magnitude(a, b, distance);
        Mat chromaOk = new Mat();
        Imgproc.threshold(distance, chromaOk, chromaDistance, 255, Imgproc.THRESH_BINARY_INV);
        chromaOk.convertTo(chromaOk, CvType.CV_8U);
        double delta8 = MAX_LIGHTNESS_DIFFERENCE * 255.0 / 100.0;
        Mat lightOk = new Mat();
        Core.inRange(ch.get(0), new Scalar(reference8[0] - delta8), new Scalar(reference8[0] + delta8), lightOk);
        Core.bitwise_and(chromaOk, lightOk, chromaOk);
        for (Mat m : List.of(a, b, distance, lightOk, ch.get(0), ch.get(1), ch.get(2))) {
            m.release();
        }
        return chromaOk;
    }

    /** Fraction of skin pixels inside a region given in face-box fractions. */
    public double fractionInFace(Rect face, double x0, double y0, double x1, double y1) {
        return Regions.fraction(skinMask, Regions.ofFace(face, x0, y0, x1, y1));
    }
}
