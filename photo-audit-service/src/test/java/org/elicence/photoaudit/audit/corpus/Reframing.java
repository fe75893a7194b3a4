package org.elicence.photoaudit.audit.corpus;

import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Geometry edits: head roll (C8), shoulder tilt (R3), crops (C3), face too small / too close (C2), a second
 * face (C1), and the compliant licence-format crops. Head length runs from the measured top of the hair
 * (see {@link BasePhoto}) to the .tem chin.
 */
final class Reframing {

    /** Licence format of photo-rules.md C2: 260 x 378 px, head length 224-260 px, hair top 10-20 px down. */
    static final double LICENCE_W = 260;
    static final double LICENCE_H = 378;
    static final double LICENCE_HEAD = 242;
    static final double LICENCE_TOP_MARGIN = 15;
    static final String[] ROLL_STYLES = {"+12deg", "-13deg", "+14deg", "-15deg"};
    static final String[] SHOULDER_STYLES = {"+12deg", "-12deg"};
    static final String[] SECOND_FACE_STYLES = {"right", "left"};

    private Reframing() {
    }

    static double headTop(BasePhoto b) {
        return Math.min(b.hairTopY(), b.landmarks().crown().y);
    }

    static double headLength(BasePhoto b) {
        return b.landmarks().chin().y - headTop(b);
    }

    /** Head axis x: between the eye centre and the chin. */
    static double headX(BasePhoto b) {
        return (b.landmarks().eyeCentre().x + b.landmarks().chin().x) / 2;
    }

    /** The whole photo rotated about the face centre; the border is replicated (uniform wall, shirt). */
    static Mat roll(BasePhoto b, int style, Random random) {
        double angle = new double[] {12, -13, 14, -15}[style % 4];
        Mat m = Imgproc.getRotationMatrix2D(b.landmarks().faceCentre(), angle, 1);
        Mat out = new Mat();
        Imgproc.warpAffine(b.image(), out, m, b.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        return out;
    }

    /** Shoulders tilted: the part below the neck rotated about the neck, the head kept, blended at the neck. */
    static Mat shoulderTilt(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        Point pivot = new Point(lm.chin().x, lm.chin().y + 0.35 * ipd);
        double angle = style % 2 == 0 ? 12 : -12;
        Mat rotated = new Mat();
        Imgproc.warpAffine(b.image(), rotated, Imgproc.getRotationMatrix2D(pivot, angle, 1), b.size(),
                Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        double from = lm.chin().y + 0.05 * ipd;
        double to = lm.chin().y + 0.45 * ipd;
        double neckX = lm.chin().x;
        // the neck blends over a band below the chin; out beside the face the shoulders are taken whole from the
        // rotated body from the jaw's height down, so a raised shoulder is neither cut nor doubled
        Mat alpha = Compositing.field(b.size(), (x, y) -> {
            double neck = clamp01((y - from) / (to - from));
            double side = clamp01((y - (lm.chin().y - 0.6 * ipd)) / (0.1 * ipd));
            double besideNeck = clamp01((Math.abs(x - neckX) - 1.1 * ipd) / (0.2 * ipd));
            return (1 - besideNeck) * neck + besideNeck * side;
        });
        Mat image = b.floatImage();
        Compositing.blend(image, Compositing.toFloat(rotated), alpha);
        return Compositing.toByte(image);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Crops the photo rectangle (x0, y0, width, height) to an output of the given size; outside: replicate. */
    static Mat crop(Mat image, double x0, double y0, double width, double height, Size out) {
        double s = out.width / width;
        Mat m = new Mat(2, 3, CvType.CV_64FC1);
        m.put(0, 0, s, 0, -x0 * s, 0, out.height / height, -y0 * out.height / height);
        Mat result = new Mat();
        Imgproc.warpAffine(image, result, m, out, s < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR,
                Core.BORDER_REPLICATE);
        return result;
    }

    /** Crop in licence proportion at the photo's own pixel scale. */
    private static Mat licenceProportionCrop(BasePhoto b, double top, double bottom) {
        double height = bottom - top;
        double width = height * LICENCE_W / LICENCE_H;
        return crop(b.image(), headX(b) - width / 2, top, width, height,
                new Size(Math.round(width), Math.round(height)));
    }

    /** C3: the top quarter of the head (hair and upper forehead) cut off by the top edge. */
    static Mat cropHairTop(BasePhoto b, int style, Random random) {
        double len = headLength(b);
        double top = headTop(b) + 0.22 * len;
        double bottom = Math.min(b.size().height, b.landmarks().chin().y + 0.6 * len);
        return licenceProportionCrop(b, top, bottom);
    }

    /** C3: the chin cut off by the bottom edge. */
    static Mat cropChin(BasePhoto b, int style, Random random) {
        double len = headLength(b);
        return licenceProportionCrop(b, Math.max(0, headTop(b) - 0.12 * len), b.landmarks().chin().y - 0.1 * len);
    }

    /** C2: head length 95 % of the frame height (licence: 64 %), hair and chin just inside. */
    static Mat tooClose(BasePhoto b, int style, Random random) {
        double len = headLength(b);
        return licenceProportionCrop(b, headTop(b) - 0.02 * len, b.landmarks().chin().y + 0.03 * len);
    }

    /** C2: the photo shrunk to 30 % and set at the bottom of a wall-coloured canvas of the original size. */
    static Mat tooSmall(BasePhoto b, int style, Random random) {
        double scale = 0.3;
        Mat small = new Mat();
        Imgproc.resize(b.floatImage(), small, new Size(), scale, scale, Imgproc.INTER_AREA);
        Mat canvas = Compositing.solid(b.size(), b.wallColour());
        Compositing.multiply(canvas, Compositing.texture(b.size(), random, 60, 0.01));
        Mat placed = Mat.zeros(b.size(), CvType.CV_32FC3);
        int x = (int) ((b.size().width - small.cols()) / 2);
        int y = (int) (b.size().height - small.rows());
        small.copyTo(placed.submat(y, y + small.rows(), x, x + small.cols()));
        Mat alpha = Mat.zeros(b.size(), CvType.CV_8UC1);
        Imgproc.rectangle(alpha, new Point(x + 6, y + 6), new Point(x + small.cols() - 7, b.size().height + 10),
                new Scalar(255), -1);
        Compositing.blend(canvas, placed, Compositing.soften(alpha, 4));
        return Compositing.toByte(canvas);
    }

    /** C1: another person's head, at 55 % size and feathered, beside this person's head. */
    static Mat secondFace(BasePhoto b, BasePhoto other, int style, Random random) {
        TemLandmarks them = other.landmarks();
        double ipd = them.interPupil();
        double top = headTop(other);
        Point centre = new Point(headX(other), (top + them.chin().y + 0.3 * ipd) / 2);
        Mat alpha = Compositing.ellipse(other.size(), centre,
                new Size(them.headWidth() / 2 * 1.02, (them.chin().y + 0.3 * ipd - top) / 2 + 0.1 * ipd), 0, 0.05 * ipd);
        double fadeFrom = them.chin().y;
        double fadeTo = them.chin().y + 0.4 * ipd;
        Core.multiply(alpha, Compositing.field(other.size(),
                (x, y) -> Math.max(0, Math.min(1, (fadeTo - y) / (fadeTo - fadeFrom)))), alpha);
        Core.multiply(alpha, other.personAlpha(), alpha);
        double s = 0.55;
        int side = style % 2 == 0 ? 1 : -1;
        TemLandmarks me = b.landmarks();
        double targetX = headX(b) + side * (me.headWidth() / 2 + them.headWidth() * s * 0.6);
        targetX = Math.max(them.headWidth() * s * 0.55, Math.min(b.size().width - them.headWidth() * s * 0.55, targetX));
        double targetY = me.eyeCentre().y - 0.2 * me.interPupil();
        Mat m = new Mat(2, 3, CvType.CV_64FC1);
        m.put(0, 0, s, 0, targetX - s * centre.x, 0, s, targetY - s * centre.y);
        Mat face = new Mat();
        Mat faceAlpha = new Mat();
        Imgproc.warpAffine(other.floatImage(), face, m, b.size(), Imgproc.INTER_AREA);
        Imgproc.warpAffine(alpha, faceAlpha, m, b.size(), Imgproc.INTER_LINEAR);
        Core.multiply(faceAlpha, b.wallAlpha(), faceAlpha); // behind this person, in front of the wall
        Mat image = b.floatImage();
        Compositing.blend(image, face, faceAlpha);
        return Compositing.toByte(image);
    }

    /**
     * Compliant: cut exactly to the licence format (head length 242/378 of the height, hair top 15/378 below
     * the top edge, head centred) at {@code width} x {@code width * 378 / 260}.
     */
    static Mat licence(BasePhoto b, int width) {
        double height = headLength(b) * LICENCE_H / LICENCE_HEAD;
        double top = headTop(b) - height * LICENCE_TOP_MARGIN / LICENCE_H;
        double cropWidth = height * LICENCE_W / LICENCE_H;
        return crop(b.image(), headX(b) - cropWidth / 2, top, cropWidth, height,
                new Size(width, Math.round(width * LICENCE_H / LICENCE_W)));
    }
}
