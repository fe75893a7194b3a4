package org.elicence.photoaudit.card;

import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Measurements on images; each takes the image it needs and leaves it unchanged, and releases the images it
 * makes on the way. {@link #grey} returns a new image: its caller releases it.
 */
public final class ImageMeasures {

    private static final int HASH_SOURCE_SIZE = 32;
    private static final int HASH_SIZE = 8;

    private ImageMeasures() {
    }

    public static Mat grey(Mat bgr) {
        Mat grey = new Mat();
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        return grey;
    }

    /** Variance of the Laplacian: high when edges are crisp, low when the image is out of focus. */
    public static double sharpness(Mat grey) {
        try (NativeMats mats = new NativeMats()) {
            Mat laplacian = mats.mat();
            Imgproc.Laplacian(grey, laplacian, CvType.CV_64F);
            MatOfDouble mean = mats.add(new MatOfDouble());
            MatOfDouble deviation = mats.add(new MatOfDouble());
            Core.meanStdDev(laplacian, mean, deviation);
            double sd = deviation.toArray()[0];
            return sd * sd;
        }
    }

    /** Fraction of pixels whose every channel is at or above {@code level}: blown out by glare. */
    public static double blownOutFraction(Mat bgr, int level) {
        try (NativeMats mats = new NativeMats()) {
            Mat mask = mats.mat();
            Core.inRange(bgr, new Scalar(level, level, level), new Scalar(255, 255, 255), mask);
            return (double) Core.countNonZero(mask) / (bgr.rows() * bgr.cols());
        }
    }

    public static double meanLuminance(Mat grey) {
        return Core.mean(grey).val[0];
    }

    /**
     * A 64-bit perceptual hash (DCT): the same picture re-encoded or rescaled hashes within a few bits,
     * different pictures about 32 bits apart.
     */
    public static long perceptualHash(Mat grey) {
        double[] low = new double[HASH_SIZE * HASH_SIZE];
        try (NativeMats mats = new NativeMats()) {
            Mat small = mats.mat();
            Imgproc.resize(grey, small, new Size(HASH_SOURCE_SIZE, HASH_SOURCE_SIZE), 0, 0, Imgproc.INTER_AREA);
            small.convertTo(small, CvType.CV_32F);
            Mat dct = mats.mat();
            Core.dct(small, dct);
            for (int row = 0; row < HASH_SIZE; row++) {
                for (int col = 0; col < HASH_SIZE; col++) {
                    low[row * HASH_SIZE + col] = dct.get(row, col)[0];
                }
            }
        }
        double median = median(low);
        long hash = 0;
        for (int i = 0; i < low.length; i++) {
            if (low[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
