package org.elicence.photoaudit.audit.analysis;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;

/** Rectangle arithmetic and region statistics shared by all checks. */
public final class Regions {

    private Regions() {
    }

    public static Rect clip(Rect r, Mat image) {
        int x = Math.max(0, r.x);
        int y = Math.max(0, r.y);
        int right = Math.min(image.cols(), r.x + r.width);
        int bottom = Math.min(image.rows(), r.y + r.height);
        return new Rect(x, y, Math.max(0, right - x), Math.max(0, bottom - y));
    }

    /** Rectangle given in fractions of the face box (x0, y0, x1, y1), may extend beyond the box. */
    public static Rect ofFace(Rect face, double x0, double y0, double x1, double y1) {
        int x = (int) Math.round(face.x + face.width * x0);
        int y = (int) Math.round(face.y + face.height * y0);
        return new Rect(x, y, (int) Math.round(face.width * (x1 - x0)), (int) Math.round(face.height * (y1 - y0)));
    }

    public static boolean isUsable(Rect r) {
        return r.width >= 2 && r.height >= 2;
    }

    /** Mean and standard deviation per channel of {@code image} inside {@code r} (clipped), optionally masked. */
    public static double[][] meanStdDev(Mat image, Rect r, Mat mask) {
        Rect c = clip(r, image);
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        if (mask == null) {
            Core.meanStdDev(image.submat(c), mean, std);
        } else {
            Core.meanStdDev(image.submat(c), mean, std, mask.submat(c));
        }
        return new double[][] {mean.toArray(), std.toArray()};
    }

    public static double mean(Mat singleChannel, Rect r) {
        return meanStdDev(singleChannel, r, null)[0][0];
    }

    /** Fraction of non-zero pixels of a binary mask inside {@code r}; 0 for an empty region. */
    public static double fraction(Mat mask, Rect r) {
        Rect c = clip(r, mask);
        if (c.area() == 0) {
            return 0;
        }
        return Core.countNonZero(mask.submat(c)) / (double) c.area();
    }
}
