package org.elicence.photoaudit.audit.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The colour of THIS person's skin, and the pixels that share it. Sampled on six small patches placed by the
 * landmarks (mid-forehead, bridge of the nose, both upper cheeks, both cheeks) and taken as the per-channel
 * median of the patch means, so a fringe over the forehead or a mask over the cheeks does not move it.
 * Using the person's own skin, not a population model, is what keeps every skin tone judged alike.
 */
public final class SkinModel implements AutoCloseable {

    /** Landmarks the patches are centred on. */
    static final int[] PATCHES = {151, 168, 118, 347, 50, 280};
    /** Patch radius in face widths. */
    private static final double PATCH_RADIUS = 0.05;

    private final LabColour reference;
    private final double[] reference8;
    private final Mat mask;

    private SkinModel(double[] reference8, Mat mask) {
        this.reference8 = reference8;
        this.reference = LabColour.fromOpenCv(reference8);
        this.mask = mask;
    }

    /**
     * @param chromaTolerance  a*b* distance from the reference within which a pixel is skin
     * @param lightnessTolerance L* distance within which a pixel is skin (shading on a face spans about this)
     */
    public static SkinModel sample(Mat lab, FaceLandmarks landmarks, double faceWidth, double chromaTolerance,
            double lightnessTolerance) {
        int r = Math.max(1, (int) Math.round(PATCH_RADIUS * faceWidth));
        double[][] means = new double[3][PATCHES.length];
        for (int i = 0; i < PATCHES.length; i++) {
            Point c = landmarks.xy(PATCHES[i]);
            double[] m = Regions.meanStdDev(lab, new Rect((int) c.x - r, (int) c.y - r, 2 * r, 2 * r), null)[0];
            for (int ch = 0; ch < 3; ch++) {
                means[ch][i] = m[ch];
            }
        }
        double[] reference8 = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            Arrays.sort(means[ch]);
            reference8[ch] = (means[ch][PATCHES.length / 2 - 1] + means[ch][PATCHES.length / 2]) / 2;
        }
        return new SkinModel(reference8, mask(lab, reference8, chromaTolerance, lightnessTolerance));
    }

    private static Mat mask(Mat lab, double[] reference8, double chromaTolerance, double lightnessTolerance) {
        List<Mat> ch = new ArrayList<>();
        Core.split(lab, ch);
        Mat a = new Mat();
        Mat b = new Mat();
        Core.subtract(ch.get(1), new Scalar(reference8[1]), a, new Mat(), CvType.CV_32F);
        Core.subtract(ch.get(2), new Scalar(reference8[2]), b, new Mat(), CvType.CV_32F);
        Mat distance = new Mat();
        Core.magnitude(a, b, distance);
        Mat chromaOk = new Mat();
        Imgproc.threshold(distance, chromaOk, chromaTolerance, 255, Imgproc.THRESH_BINARY_INV);
        chromaOk.convertTo(chromaOk, CvType.CV_8U);
        double delta8 = lightnessTolerance * 255.0 / 100.0;
        Mat lightOk = new Mat();
        Core.inRange(ch.get(0), new Scalar(reference8[0] - delta8), new Scalar(reference8[0] + delta8), lightOk);
        Core.bitwise_and(chromaOk, lightOk, chromaOk);
        for (Mat m : List.of(a, b, distance, lightOk, ch.get(0), ch.get(1), ch.get(2))) {
            m.release();
        }
        return chromaOk;
    }

    public LabColour reference() {
        return reference;
    }

    /** Binary (0/255) mask of skin-coloured pixels over the working image. */
    public Mat mask() {
        return mask;
    }

    /** Share of skin-coloured pixels among the non-zero pixels of {@code region} (a binary mask). */
    public double share(Mat region) {
        double total = Core.countNonZero(region);
        if (total == 0) {
            return Double.NaN;
        }
        Mat both = new Mat();
        Core.bitwise_and(mask, region, both);
        double skin = Core.countNonZero(both);
        both.release();
        return skin / total;
    }

    /**
     * Share of pixels under {@code region} (binary) whose colour lies within looser tolerances of this skin:
     * for parts of the skin that light and blood colour differently from the face (ears, lobes, a bald crown).
     */
    public double shareWithin(Mat lab, Mat region, double chromaTolerance, double lightnessTolerance) {
        Rect box = Imgproc.boundingRect(region);
        if (box.area() == 0) {
            return Double.NaN;
        }
        try (NativeMats mats = new NativeMats()) {
            Mat local = mats.add(mask(mats.view(lab, box), reference8, chromaTolerance, lightnessTolerance));
            return Regions.shareUnder(local, mats.view(region, box));
        }
    }

    /** The reference in OpenCV's 8-bit Lab encoding. */
    public double[] reference8() {
        return reference8.clone();
    }

    @Override
    public void close() {
        mask.release();
    }
}
