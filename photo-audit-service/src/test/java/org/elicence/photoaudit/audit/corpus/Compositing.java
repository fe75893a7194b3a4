package org.elicence.photoaudit.audit.corpus;

import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Pixel helpers for the generated violations. Images are worked on as CV_32FC3 in 0..255 (BGR); alphas are
 * CV_32FC1 in 0..1. Everything is deterministic: noise comes from a seeded {@link Random}, never from
 * OpenCV's global RNG (whose state depends on call order).
 */
final class Compositing {

    private Compositing() {
    }

    /**
     * The edits leave their intermediate OpenCV images to finalizers: run them (once a person), or a loop over the
     * corpus holds gigabytes of native memory that the small Java heap never asks back (a test JVM reached 16.7 GB
     * and was killed by the kernel before RightReasonTest called this).
     */
    static void reclaimNativeMemory() {
        System.gc();
        System.runFinalization();
    }

    static Mat decode(byte[] jpeg) {
        return Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
    }

    static byte[] jpeg(Mat bgr8, int quality) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", bgr8, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        return out.toArray();
    }

    static Mat toFloat(Mat bgr8) {
        Mat f = new Mat();
        bgr8.convertTo(f, CvType.CV_32FC3);
        return f;
    }

    /** Back to 8 bit; convertTo saturates, so highlights clip like a camera would. */
    static Mat toByte(Mat f) {
        Mat b = new Mat();
        f.convertTo(b, CvType.CV_8UC3);
        return b;
    }

    /** Anti-aliased filled polygon as an alpha, softened by a Gaussian of {@code feather} pixels (0: none). */
    static Mat polygon(Size size, List<Point> polygon, double feather) {
        Mat m = Mat.zeros(size, CvType.CV_8UC1);
        Imgproc.fillPoly(m, List.of(new MatOfPoint(polygon.toArray(Point[]::new))), new Scalar(255), Imgproc.LINE_AA);
        return soften(m, feather);
    }

    static Mat ellipse(Size size, Point centre, Size axes, double angleDegrees, double feather) {
        Mat m = Mat.zeros(size, CvType.CV_8UC1);
        Imgproc.ellipse(m, centre, axes, angleDegrees, 0, 360, new Scalar(255), -1, Imgproc.LINE_AA);
        return soften(m, feather);
    }

    /** 8-bit 0/255 mask to a 0..1 float alpha, blurred by {@code feather} pixels. */
    static Mat soften(Mat mask8, double feather) {
        Mat f = new Mat();
        mask8.convertTo(f, CvType.CV_32FC1, 1 / 255.0);
        if (feather > 0) {
            Imgproc.GaussianBlur(f, f, new Size(0, 0), feather);
        }
        return f;
    }

    static Mat three(Mat alpha) {
        Mat a3 = new Mat();
        Core.merge(List.of(alpha, alpha, alpha), a3);
        return a3;
    }

    /** image := image * (1 - alpha) + layer * alpha, in place. */
    static void blend(Mat image, Mat layer, Mat alpha) {
        Mat a3 = three(alpha);
        Mat inverse = new Mat();
        Core.subtract(new Mat(a3.size(), a3.type(), Scalar.all(1)), a3, inverse);
        Mat keep = new Mat();
        Core.multiply(image, inverse, keep);
        Mat add = new Mat();
        Core.multiply(layer, a3, add);
        Core.add(keep, add, image);
    }

    static Mat solid(Size size, Scalar bgr) {
        return new Mat(size, CvType.CV_32FC3, bgr);
    }

    /** image := image * factor per pixel (factor is a 1-channel map). */
    static void multiply(Mat image, Mat factor) {
        Core.multiply(image, three(factor), image);
    }

    /** A map equal to 1 + (factor - 1) * alpha: applies {@code factor} only where alpha is 1. */
    static Mat mix(Mat factor, Mat alpha) {
        Mat m = new Mat();
        Core.subtract(factor, Scalar.all(1), m);
        Core.multiply(m, alpha, m);
        Core.add(m, Scalar.all(1), m);
        return m;
    }

    /**
     * Smooth random field of mean 0 and standard deviation ~1 with features about {@code grain} pixels wide:
     * fabric texture, skin texture, wood grain, uneven shading.
     */
    static Mat noise(Size size, Random random, double grain) {
        int w = Math.max(2, (int) Math.round(size.width / grain));
        int h = Math.max(2, (int) Math.round(size.height / grain));
        Mat small = new Mat(h, w, CvType.CV_32FC1);
        float[] values = new float[w * h];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        small.put(0, 0, values);
        Mat big = new Mat();
        Imgproc.resize(small, big, size, 0, 0, Imgproc.INTER_CUBIC);
        return big;
    }

    /** 1 + amplitude * noise: a multiplicative texture map. */
    static Mat texture(Size size, Random random, double grain, double amplitude) {
        Mat n = noise(size, random, grain);
        Core.multiply(n, Scalar.all(amplitude), n);
        Core.add(n, Scalar.all(1), n);
        return n;
    }

    /** A 1-channel map holding a value per pixel from a function of (x, y). */
    static Mat field(Size size, java.util.function.DoubleBinaryOperator f) {
        int w = (int) size.width;
        int h = (int) size.height;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (float) f.applyAsDouble(x, y);
            }
        }
        Mat m = new Mat(h, w, CvType.CV_32FC1);
        m.put(0, 0, v);
        return m;
    }

    /** sRGB-ish 0..255 to linear light 0..1 (gamma 2.2 is close enough for exposure edits). */
    static Mat toLinear(Mat f) {
        Mat l = new Mat();
        Core.multiply(f, Scalar.all(1 / 255.0), l);
        Core.max(l, Scalar.all(0), l);
        Core.pow(l, 2.2, l);
        return l;
    }

    static Mat fromLinear(Mat linear) {
        Mat f = new Mat();
        Core.max(linear, Scalar.all(0), f);
        Core.min(f, Scalar.all(1), f);
        Core.pow(f, 1 / 2.2, f);
        Core.multiply(f, Scalar.all(255), f);
        return f;
    }

    static Mat clone(Mat m) {
        return m.clone();
    }

    static Scalar bgr(int r, int g, int b) {
        return new Scalar(b, g, r);
    }

    static Mat solid1(Size size, double value) {
        return new Mat(size, CvType.CV_32FC1, Scalar.all(value));
    }
}
