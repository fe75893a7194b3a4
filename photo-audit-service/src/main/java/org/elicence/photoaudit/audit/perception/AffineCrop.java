package org.elicence.photoaudit.audit.perception;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A similarity transform from the image into a square model input of {@code side} pixels, and back. The one
 * mechanism every model input goes through: the detector and the segmenter see the whole image letterboxed,
 * the landmarker a square around the face rotated so that the eyes are level (MediaPipe's aligned crop).
 */
public final class AffineCrop {

    private final int side;
    /** image -> crop: u = a*x + b*y + c, v = d*x + e*y + f. */
    private final double a, b, c, d, e, f;

    private AffineCrop(int side, double a, double b, double c, double d, double e, double f) {
        this.side = side;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.e = e;
        this.f = f;
    }

    /** The whole {@code width x height} image scaled to fit a square and centred, padding the rest. */
    public static AffineCrop letterbox(int width, int height, int side) {
        double k = side / (double) Math.max(width, height);
        return new AffineCrop(side, k, 0, (side - k * width) / 2, 0, k, (side - k * height) / 2);
    }

    /**
     * The square of {@code size} image pixels centred on {@code centre}, its x axis along {@code angle} radians
     * (image coordinates, y down, so a positive angle turns clockwise on screen), scaled to {@code side}.
     */
    public static AffineCrop rotatedSquare(Point centre, double size, double angle, int side) {
        double k = side / size;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double a = k * cos;
        double b = k * sin;
        double d = -k * sin;
        double e = k * cos;
        return new AffineCrop(side, a, b, side / 2.0 - a * centre.x - b * centre.y, d, e,
                side / 2.0 - d * centre.x - e * centre.y);
    }

    public int side() {
        return side;
    }

    /** Image pixels per crop pixel. */
    public double imagePixelsPerCropPixel() {
        return 1 / Math.hypot(a, d);
    }

    public Point toCrop(double x, double y) {
        return new Point(a * x + b * y + c, d * x + e * y + f);
    }

    public Point toImage(double u, double v) {
        double det = a * e - b * d;
        double x = u - c;
        double y = v - f;
        return new Point((e * x - b * y) / det, (-d * x + a * y) / det);
    }

    /** The crop as a {@code side x side} image; outside the source it is black (what MediaPipe pads with). */
    public Mat warp(Mat image) {
        Mat matrix = matrix();
        Mat out = new Mat();
        Imgproc.warpAffine(image, out, matrix, new Size(side, side), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT,
                Scalar.all(0));
        matrix.release();
        return out;
    }

    /** A crop-sized single-channel map (for example a mask) brought back onto a {@code size} image. */
    public Mat warpBack(Mat cropMap, Size size) {
        Mat matrix = matrix();
        Mat out = new Mat();
        Imgproc.warpAffine(cropMap, out, matrix, size, Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
                Core.BORDER_CONSTANT, Scalar.all(0));
        matrix.release();
        return out;
    }

    private Mat matrix() {
        Mat m = new Mat(2, 3, CvType.CV_64F);
        m.put(0, 0, a, b, c, d, e, f);
        return m;
    }
}
