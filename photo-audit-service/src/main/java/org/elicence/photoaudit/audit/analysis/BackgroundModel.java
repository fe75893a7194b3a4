package org.elicence.photoaudit.audit.analysis;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Background colour estimated from the top and upper side borders of the photo (where a correctly framed
 * portrait shows only background), and the person mask: pixels whose colour differs from it. The mask is
 * trustworthy only when the borders are uniform; checks that rely on it report NOT_ASSESSABLE otherwise.
 *
 * @param colour        median Lab colour of the border samples
 * @param borderStdDev  standard deviation of L* over the border samples
 * @param personMask    255 where the pixel belongs to the person (component touching the face)
 */
public record BackgroundModel(LabColour colour, double borderStdDev, Mat personMask, boolean uniform) {

    /** Border strip thickness as a fraction of the image size. */
    private static final double STRIP = 0.04;
    /** Side strips stop at this height: below it the shoulders usually reach the edges. */
    private static final double SIDE_STRIP_BOTTOM = 0.45;
    /** Border L* standard deviation up to which the background counts as uniform for segmentation. */
    private static final double UNIFORM_STD = 8.0;
    /** Lightness differences count half as much as chroma ones, so soft gradients stay background. */
    private static final double LIGHTNESS_WEIGHT = 0.5;

    public static BackgroundModel estimate(Mat lab, double personDistance) {
        List<Rect> strips = borderStrips(lab);
        double[] median = new double[3];
        double std = 0;
        for (int channel = 0; channel < 3; channel++) {
            int[] histogram = new int[256];
            for (Rect strip : strips) {
                accumulate(lab.submat(strip), channel, histogram);
            }
            median[channel] = median(histogram);
        }
        for (Rect strip : strips) {
            std = Math.max(std, Regions.meanStdDev(lab, strip, null)[1][0] * 100.0 / 255.0);
        }
        LabColour colour = LabColour.fromOpenCv(median);
        Mat mask = personMask(lab, median, personDistance);
        return new BackgroundModel(colour, std, mask, std <= UNIFORM_STD);
    }

    static List<Rect> borderStrips(Mat image) {
        int w = image.cols();
        int h = image.rows();
        int t = Math.max(2, (int) (Math.min(w, h) * STRIP));
        int sideBottom = (int) (h * SIDE_STRIP_BOTTOM);
        return List.of(new Rect(0, 0, w, t), new Rect(0, t, t, sideBottom - t), new Rect(w - t, t, t, sideBottom - t));
    }

    private static void accumulate(Mat region, int channel, int[] histogram) {
        byte[] data = new byte[(int) (region.total() * region.channels())];
        Mat continuous = region.isContinuous() ? region : region.clone();
        continuous.get(0, 0, data);
        for (int i = channel; i < data.length; i += 3) {
            histogram[data[i] & 0xFF]++;
        }
    }

    private static double median(int[] histogram) {
        long total = 0;
        for (int count : histogram) {
            total += count;
        }
        long seen = 0;
        for (int value = 0; value < 256; value++) {
            seen += histogram[value];
            if (seen * 2 >= total) {
                return value;
            }
        }
        return 255;
    }

    private static Mat personMask(Mat lab, double[] background8, double threshold) {
        List<Mat> channels = new ArrayList<>();
        Core.split(lab, channels);
        Mat sum = Mat.zeros(lab.size(), CvType.CV_32F);
        double[] scale = {LIGHTNESS_WEIGHT * 100.0 / 255.0, 1.0, 1.0};
        Mat diff = new Mat();
        for (int c = 0; c < 3; c++) {
            Core.absdiff(channels.get(c), new Scalar(background8[c]), diff);
            diff.convertTo(diff, CvType.CV_32F, scale[c]);
            Imgproc.accumulateSquare(diff, sum);
            channels.get(c).release();
        }
        diff.release();
        Mat mask = new Mat();
        Imgproc.threshold(sum, mask, threshold * threshold, 255, Imgproc.THRESH_BINARY);
        sum.release();
        mask.convertTo(mask, CvType.CV_8U);
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5));
        Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, kernel);
        Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, kernel);
        fillHoles(mask);
        return mask;
    }

    /**
     * Background pixels not connected to the top or side border are holes in the person (a shiny
     * forehead, a white collar inside a jacket): they become person, so the head outline stays whole.
     */
    private static void fillHoles(Mat mask) {
        Mat reached = Mat.zeros(mask.rows() + 2, mask.cols() + 2, CvType.CV_8U);
        byte[] top = new byte[mask.cols()];
        mask.row(0).clone().get(0, 0, top);
        int flags = 4 | Imgproc.FLOODFILL_MASK_ONLY | (255 << 8);
        for (int x = 0; x < top.length; x += 4) {
            if (top[x] == 0 && reached.get(1, x + 1)[0] == 0) {
                Imgproc.floodFill(mask, reached, new org.opencv.core.Point(x, 0), new Scalar(0), null, new Scalar(0), new Scalar(0), flags);
            }
        }
        for (int y = 0; y < mask.rows(); y += 4) {
            for (int x : new int[] {0, mask.cols() - 1}) {
                if (mask.get(y, x)[0] == 0 && reached.get(y + 1, x + 1)[0] == 0) {
                    Imgproc.floodFill(mask, reached, new org.opencv.core.Point(x, y), new Scalar(0), null, new Scalar(0), new Scalar(0), flags);
                }
            }
        }
        Mat outside = reached.submat(1, mask.rows() + 1, 1, mask.cols() + 1);
        Core.bitwise_not(outside, mask);
        reached.release();
    }

    /** Lab distance image is not kept; callers needing the background region use the inverse of the mask. */
    public Mat backgroundMask() {
        Mat inverse = new Mat();
        Core.bitwise_not(personMask, inverse);
        return inverse;
    }
}
