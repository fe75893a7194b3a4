package org.elicence.photoaudit.audit.analysis;

import java.util.Arrays;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;

/** Rectangle arithmetic and region statistics shared by all checks. */
public final class Regions {

    /**
     * Grey level from which a pixel is clipped to white: it has no colour left (a flash spot, glare on glasses), so
     * it says neither "skin" nor "covering".
     */
    public static final int CLIPPED = 250;

    private Regions() {
    }

    /**
     * Sets every pixel of {@code region} of {@code image} to {@code value}. OpenCV's Java {@code submat} and
     * {@code setTo} each answer a new header on the image's pixels, which holds them until it is released or its
     * finalizer runs; both are released here, so a filled region never keeps a released image's buffer alive.
     */
    public static void fill(Mat image, Rect region, Scalar value) {
        Mat view = image.submat(region);
        view.setTo(value).release();
        view.release();
    }

    /**
     * A copy of {@code region} of {@code image}, owning its own pixels: the view the copy is taken through is released
     * at once, so the copy never keeps the whole of {@code image} alive (a view holds its parent's buffer until it is
     * released or its finalizer runs).
     */
    public static Mat copy(Mat image, Rect region) {
        Mat view = image.submat(region);
        Mat copy = view.clone();
        view.release();
        return copy;
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
        try (NativeMats mats = new NativeMats()) {
            MatOfDouble mean = mats.add(new MatOfDouble());
            MatOfDouble std = mats.add(new MatOfDouble());
            if (mask == null) {
                Core.meanStdDev(mats.view(image, c), mean, std);
            } else {
                Core.meanStdDev(mats.view(image, c), mean, std, mats.view(mask, c));
            }
            return new double[][] {mean.toArray(), std.toArray()};
        }
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
        try (NativeMats mats = new NativeMats()) {
            return Core.countNonZero(mats.view(mask, c)) / (double) c.area();
        }
    }

    /** Binary (0/255) mask of a polygon on an image of {@code size}. */
    public static Mat polygon(Size size, Point... corners) {
        Mat mask = Mat.zeros(size, CvType.CV_8U);
        try (NativeMats mats = new NativeMats()) {
            Imgproc.fillPoly(mask, List.of(mats.add(new MatOfPoint(rounded(corners)))), new Scalar(255));
        }
        return mask;
    }

    /** Binary (0/255) mask of the convex hull of {@code points}. */
    public static Mat hull(Size size, Point... points) {
        MatOfPoint all = new MatOfPoint(rounded(points));
        org.opencv.core.MatOfInt indices = new org.opencv.core.MatOfInt();
        Imgproc.convexHull(all, indices);
        int[] order = indices.toArray();
        Point[] corners = new Point[order.length];
        Point[] source = all.toArray();
        for (int i = 0; i < order.length; i++) {
            corners[i] = source[order[i]];
        }
        all.release();
        indices.release();
        return polygon(size, corners);
    }

    /** Binary (0/255) mask of a disc. */
    public static Mat disc(Size size, Point centre, double radius) {
        Mat mask = Mat.zeros(size, CvType.CV_8U);
        Imgproc.circle(mask, rounded(centre)[0], (int) Math.max(1, Math.round(radius)), new Scalar(255), -1);
        return mask;
    }

    /**
     * Mean per channel of {@code image} under a binary mask; NaN where the mask is empty. Read within the mask's
     * bounding box: the masks are small regions of the face, and a masked mean over the whole image would visit
     * every pixel of it (per call, several calls per check).
     */
    public static double[] meanUnder(Mat image, Mat mask) {
        Rect box = Imgproc.boundingRect(mask);
        if (box.area() == 0) {
            double[] nan = new double[image.channels()];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        Mat region = image.submat(box);
        Mat regionMask = mask.submat(box);
        double[] mean = Core.mean(region, regionMask).val;
        region.release();
        regionMask.release();
        return java.util.Arrays.copyOf(mean, image.channels());
    }

    /**
     * Share of non-zero pixels of {@code binary} under {@code mask}; NaN where the mask is empty. Counted within the
     * mask's bounding box, as {@link #meanUnder} reads.
     */
    public static double shareUnder(Mat binary, Mat mask) {
        Rect box = boundingBox(mask, binary);
        if (box.area() == 0) {
            return Double.NaN;
        }
        try (NativeMats mats = new NativeMats()) {
            Mat regionMask = mats.view(mask, box);
            Mat both = mats.mat();
            Core.bitwise_and(mats.view(binary, box), regionMask, both);
            return Core.countNonZero(both) / (double) Core.countNonZero(regionMask);
        }
    }

    /** Each pixel's chroma, the magnitude of (a*, b*), of an 8-bit OpenCV Lab image, as 32-bit floats. */
    public static Mat chroma(Mat lab) {
        Mat a = new Mat();
        Mat b = new Mat();
        Core.extractChannel(lab, a, 1);
        Core.extractChannel(lab, b, 2);
        Mat da = new Mat();
        Mat db = new Mat();
        a.convertTo(da, CvType.CV_32F, 1, -128);
        b.convertTo(db, CvType.CV_32F, 1, -128);
        Mat chroma = new Mat();
        Core.magnitude(da, db, chroma);
        for (Mat m : new Mat[] {a, b, da, db}) {
            m.release();
        }
        return chroma;
    }

    /**
     * Mean of |a*| + |b*| per pixel of an 8-bit OpenCV Lab image (C6's greyscale measure), not of the mean colour,
     * which cancels opposite hues.
     */
    public static double meanAbsoluteChroma(Mat lab) {
        Mat a = new Mat();
        Mat b = new Mat();
        Core.extractChannel(lab, a, 1);
        Core.extractChannel(lab, b, 2);
        Core.absdiff(a, new Scalar(128), a);
        Core.absdiff(b, new Scalar(128), b);
        double result = Core.mean(a).val[0] + Core.mean(b).val[0];
        a.release();
        b.release();
        return result;
    }

    /** Share of the pixels under {@code mask} whose grey level lies in {@code low..high}; NaN where the mask is empty. */
    public static double shareInRange(Mat grey, Mat mask, int low, int high) {
        Mat inRange = new Mat();
        Core.inRange(grey, new Scalar(low), new Scalar(high), inRange);
        double share = shareUnder(inRange, mask);
        inRange.release();
        return share;
    }

    /**
     * The {@code quantile} (0..1) of channel {@code channel} of an 8-bit image, over the pixels under {@code mask}
     * (an empty {@code Mat} for the whole image); NaN where the mask is empty.
     */
    public static double quantile(Mat image, int channel, Mat mask, double quantile) {
        return quantiles(image, channel, mask, quantile)[0];
    }

    /**
     * The same for several quantiles (ascending) from one histogram, counted within the mask's bounding box (an eye's
     * outline is a few hundred pixels of the photo's 300,000).
     */
    public static double[] quantiles(Mat image, int channel, Mat mask, double... quantiles) {
        if (mask.empty()) {
            return quantilesOf(image, channel, mask, quantiles);
        }
        Rect box = boundingBox(mask, image);
        if (box.area() == 0) {
            double[] none = new double[quantiles.length];
            Arrays.fill(none, Double.NaN);
            return none;
        }
        try (NativeMats mats = new NativeMats()) {
            return quantilesOf(mats.view(image, box), channel, mats.view(mask, box), quantiles);
        }
    }

    private static double[] quantilesOf(Mat image, int channel, Mat mask, double... quantiles) {
        float[] counts = new float[256];
        try (NativeMats mats = new NativeMats()) {
            Mat histogram = mats.mat();
            Imgproc.calcHist(List.of(image), mats.add(new MatOfInt(channel)), mask, histogram,
                    mats.add(new MatOfInt(256)), mats.add(new MatOfFloat(0, 256)));
            histogram.get(0, 0, counts);
        }
        double total = 0;
        for (float c : counts) {
            total += c;
        }
        double[] levels = new double[quantiles.length];
        if (total == 0) {
            Arrays.fill(levels, Double.NaN);
            return levels;
        }
        Arrays.fill(levels, 255);
        double seen = 0;
        int next = 0;
        for (int level = 0; level < 256 && next < quantiles.length; level++) {
            seen += counts[level];
            while (next < quantiles.length && seen >= quantiles[next] * total) {
                levels[next++] = level;
            }
        }
        return levels;
    }

    /**
     * The bounding box of a mask's non-zero pixels. Only an 8-bit mask the size of the image it selects from is read
     * so: any other would be read as a list of points, or a part of the image silently.
     */
    private static Rect boundingBox(Mat mask, Mat image) {
        if (mask.type() != CvType.CV_8UC1 || !mask.size().equals(image.size())) {
            throw new IllegalArgumentException("a mask is an 8-bit single-channel image the size of the image");
        }
        return Imgproc.boundingRect(mask);
    }

    private static Point[] rounded(Point... points) {
        Point[] out = new Point[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = new Point(Math.round(points[i].x), Math.round(points[i].y));
        }
        return out;
    }
}
