package org.elicence.photoaudit.audit.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.elicence.photoaudit.audit.detect.DetectedFace;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Deterministic image transformations that each introduce one rule violation (or a harmless change, for
 * the compliant variants). Geometry comes from the face found on the base image. Seeds are fixed.
 */
final class CorpusVariants {

    record Base(Mat image, DetectedFace face) {
        Rect box() {
            return face.box();
        }

        Point eye(boolean left) {
            Rect b = box();
            return (left ? face.leftEye() : face.rightEye())
                    .orElse(new Point(b.x + b.width * (left ? 0.3 : 0.7), b.y + b.height * 0.4));
        }
    }

    static final Map<String, BiFunction<Base, Random, Mat>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("as_is", (b, r) -> b.image().clone());
        ALL.put("off_white_wall", (b, r) -> replaceWall(b, new Scalar(236, 238, 240)));
        ALL.put("brighter", (b, r) -> affine(b.image(), 1.06, 6));
        ALL.put("mild_noise", (b, r) -> noise(b.image(), 3, r));
        ALL.put("mirrored", (b, r) -> { Mat m = new Mat(); Core.flip(b.image(), m, 1); return m; });
        ALL.put("wider_margin", (b, r) -> pad(b.image(), b.image().cols() / 8, 0, b.image().cols() / 8));
        ALL.put("roll_3", (b, r) -> rotate(b, 3));
        ALL.put("wall_blue", (b, r) -> replaceWall(b, new Scalar(200, 160, 110)));
        ALL.put("wall_cluttered", CorpusVariants::clutter);
        ALL.put("wall_shadow", CorpusVariants::shadow);
        ALL.put("side_shading", CorpusVariants::sideShade);
        ALL.put("flash_hot_spot", CorpusVariants::hotSpot);
        ALL.put("roll_11", (b, r) -> rotate(b, 11));
        ALL.put("crop_top", (b, r) -> b.image().rowRange((int) (b.box().y - b.box().height * 0.15), b.image().rows()).clone());
        ALL.put("face_too_small", (b, r) -> padWall(b.image(), b.image().cols() * 3 / 4, b.image().rows() / 3));
        ALL.put("too_close", CorpusVariants::tooClose);
        ALL.put("gaussian_blur", (b, r) -> blur(b.image(), b.box().width * 0.035));
        ALL.put("motion_blur", CorpusVariants::motionBlur);
        ALL.put("jpeg_quality_4", (b, r) -> CorpusImages.reencode(b.image(), 4));
        ALL.put("low_resolution", (b, r) -> resize(b.image(), 0.45));
        ALL.put("blue_cast", (b, r) -> channelGains(b.image(), 1.35, 1.0, 0.72));
        ALL.put("greyscale", CorpusVariants::greyscale);
        ALL.put("underexposed", (b, r) -> affine(b.image(), 0.28, 0));
        ALL.put("washed_out", (b, r) -> affine(b.image(), 0.35, 165));
        ALL.put("dark_lenses", CorpusDrawings::darkLenses);
        ALL.put("glasses_glare", CorpusDrawings::glare);
        ALL.put("face_mask", CorpusDrawings::faceMask);
        ALL.put("fringe_over_eyes", CorpusDrawings::fringe);
        ALL.put("hat", CorpusDrawings::hat);
        ALL.put("cap_red", (b, r) -> CorpusDrawings.cap(b, r, new Scalar(45, 40, 185)));
        ALL.put("cap_beige", (b, r) -> CorpusDrawings.cap(b, r, new Scalar(150, 185, 210)));
        ALL.put("beanie_grey", (b, r) -> CorpusDrawings.beanie(b, r, new Scalar(118, 118, 122)));
        ALL.put("headscarf_blue", (b, r) -> CorpusDrawings.headscarf(b, r, new Scalar(170, 110, 40)));
        ALL.put("dark_hair", (b, r) -> CorpusDrawings.recolourHair(b, r, new Scalar(0.32, 0.32, 0.34)));
        ALL.put("red_hair", (b, r) -> CorpusDrawings.recolourHair(b, r, new Scalar(0.62, 0.80, 1.22)));
        ALL.put("dyed_copper_hair", (b, r) -> CorpusDrawings.recolourHair(b, r, new Scalar(0.55, 0.72, 1.45)));
        ALL.put("bare_shoulders", CorpusDrawings::bareShoulders);
        ALL.put("shoulder_tilt", CorpusVariants::shoulderTilt);
        ALL.put("arm_in_frame", CorpusDrawings::arm);
        ALL.put("skin_smoothing", CorpusVariants::smoothing);
        ALL.put("second_face", CorpusVariants::secondFace);
        ALL.put("no_face", (b, r) -> new Mat(b.image().size(), CvType.CV_8UC3, CompositeBuilder.WALL));
    }

    private CorpusVariants() {
    }

    static Mat affine(Mat img, double gain, double offset) {
        Mat out = new Mat();
        img.convertTo(out, -1, gain, offset);
        return out;
    }

    static Mat noise(Mat img, double sigma, Random random) {
        Mat n = new Mat(img.size(), CvType.CV_16SC3);
        Core.randn(n, 0, sigma);
        Core.setRNGSeed(random.nextInt());
        Mat out = new Mat();
        img.convertTo(out, CvType.CV_16SC3);
        Core.add(out, n, out);
        out.convertTo(out, CvType.CV_8UC3);
        return out;
    }

    static Mat pad(Mat img, int side, int top, int otherSide) {
        Mat out = new Mat();
        Core.copyMakeBorder(img, out, top, 0, side, otherSide, Core.BORDER_REPLICATE);
        return out;
    }

    static Mat padWall(Mat img, int side, int top) {
        Mat out = new Mat();
        Core.copyMakeBorder(img, out, top, 0, side, side, Core.BORDER_CONSTANT, CompositeBuilder.WALL);
        return out;
    }

    static Mat rotate(Base b, double degrees) {
        Rect f = b.box();
        Mat m = Imgproc.getRotationMatrix2D(new Point(f.x + f.width / 2.0, f.y + f.height), degrees, 1);
        Mat out = new Mat();
        Imgproc.warpAffine(b.image(), out, m, b.image().size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        return out;
    }

    static Mat blur(Mat img, double sigma) {
        Mat out = new Mat();
        Imgproc.GaussianBlur(img, out, new Size(0, 0), sigma);
        return out;
    }

    static Mat resize(Mat img, double f) {
        Mat out = new Mat();
        Imgproc.resize(img, out, new Size(Math.round(img.cols() * f), Math.round(img.rows() * f)), 0, 0, Imgproc.INTER_AREA);
        return out;
    }

    static Mat channelGains(Mat img, double blue, double green, double red) {
        Mat out = new Mat();
        Core.multiply(img, new Scalar(blue, green, red), out);
        return out;
    }

    /** Pixels close to the wall colour: the composites' wall is uniform, so a colour key is exact enough. */
    static Mat wallMask(Mat img) {
        Mat mask = new Mat();
        Core.inRange(img, new Scalar(236, 237, 238), new Scalar(252, 253, 254), mask);
        Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5)));
        return mask;
    }

    static Mat replaceWall(Base b, Scalar colour) {
        Mat out = b.image().clone();
        out.setTo(colour, wallMask(b.image()));
        return out;
    }

    private static Mat clutter(Base b, Random r) {
        Mat out = b.image().clone();
        Mat wall = wallMask(b.image());
        Mat drawn = out.clone();
        int w = out.cols();
        Rect f = b.box();
        Imgproc.rectangle(drawn, new Point(w * 0.03, f.y - f.height * 0.2), new Point(w * 0.12, out.rows()), new Scalar(60, 90, 120), -1);
        Imgproc.rectangle(drawn, new Point(w * 0.78, f.y * 0.6), new Point(w * 0.98, f.y + f.height * 0.3), new Scalar(90, 140, 170), -1);
        Imgproc.line(drawn, new Point(w * 0.75, 0), new Point(w * 0.75, out.rows()), new Scalar(120, 120, 120), 3);
        drawn.copyTo(out, wall);
        return out;
    }

    private static Mat shadow(Base b, Random r) {
        Rect f = b.box();
        Mat dark = Mat.zeros(b.image().size(), CvType.CV_32F);
        Imgproc.ellipse(dark, new Point(f.x + f.width * 1.15, f.y + f.height * 0.55), new Size(f.width * 0.75, f.height * 0.95),
                0, 0, 360, new Scalar(0.35), -1);
        Imgproc.GaussianBlur(dark, dark, new Size(0, 0), f.width * 0.12);
        return darkenWhere(b.image(), dark, wallMask(b.image()));
    }

    private static Mat darkenWhere(Mat img, Mat amount, Mat where) {
        Mat factor = new Mat();
        Core.subtract(Mat.ones(amount.size(), CvType.CV_32F), amount, factor);
        Mat f3 = new Mat();
        Imgproc.cvtColor(factor, f3, Imgproc.COLOR_GRAY2BGR);
        Mat fimg = new Mat();
        img.convertTo(fimg, CvType.CV_32FC3);
        Core.multiply(fimg, f3, fimg);
        Mat darkened = new Mat();
        fimg.convertTo(darkened, CvType.CV_8UC3);
        Mat out = img.clone();
        darkened.copyTo(out, where);
        return out;
    }

    private static Mat sideShade(Base b, Random r) {
        Rect f = b.box();
        Mat amount = new Mat(b.image().size(), CvType.CV_32F);
        for (int x = 0; x < amount.cols(); x++) {
            double t = Math.max(0, Math.min(1, (f.x + f.width * 0.6 - x) / (f.width * 0.5)));
            amount.col(x).setTo(new Scalar(0.5 * t));
        }
        Mat person = new Mat();
        Core.bitwise_not(wallMask(b.image()), person);
        return darkenWhere(b.image(), amount, person);
    }

    private static Mat hotSpot(Base b, Random r) {
        Rect f = b.box();
        Mat out = b.image().clone();
        Imgproc.circle(out, new Point(f.x + f.width * 0.5, f.y + f.height * 0.2), (int) (f.width * 0.09), new Scalar(255, 255, 255), -1);
        Imgproc.circle(out, new Point(f.x + f.width * 0.55, f.y + f.height * 0.62), (int) (f.width * 0.07), new Scalar(255, 255, 255), -1);
        return blendSoft(b.image(), out, 2);
    }

    private static Mat blendSoft(Mat original, Mat drawn, double sigma) {
        Mat out = new Mat();
        Imgproc.GaussianBlur(drawn, out, new Size(0, 0), sigma);
        return out;
    }

    private static Mat tooClose(Base b, Random r) {
        Rect f = b.box();
        int w = (int) (f.width * 1.5);
        int h = w * 4 / 3;
        Rect crop = new Rect(Math.max(0, f.x + f.width / 2 - w / 2), Math.max(0, f.y - f.height / 6), w, h);
        crop = org.elicence.photoaudit.audit.analysis.Regions.clip(crop, b.image());
        Mat out = new Mat();
        Imgproc.resize(b.image().submat(crop), out, b.image().size(), 0, 0, Imgproc.INTER_CUBIC);
        return out;
    }

    private static Mat motionBlur(Base b, Random r) {
        int k = Math.max(9, b.box().width / 8) | 1;
        Mat kernel = Mat.zeros(k, k, CvType.CV_32F);
        kernel.row(k / 2).setTo(new Scalar(1.0 / k));
        Mat out = new Mat();
        Imgproc.filter2D(b.image(), out, -1, kernel);
        return out;
    }

    private static Mat greyscale(Base b, Random r) {
        Mat g = new Mat();
        Imgproc.cvtColor(b.image(), g, Imgproc.COLOR_BGR2GRAY);
        Imgproc.cvtColor(g, g, Imgproc.COLOR_GRAY2BGR);
        return g;
    }

    private static Mat shoulderTilt(Base b, Random r) {
        Rect f = b.box();
        int chin = (int) (f.y + f.height * 1.05);
        Mat rotated = new Mat();
        Mat m = Imgproc.getRotationMatrix2D(new Point(f.x + f.width / 2.0, chin), 10, 1);
        Imgproc.warpAffine(b.image(), rotated, m, b.image().size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        Mat out = b.image().clone();
        rotated.rowRange(chin + f.height / 10, out.rows()).copyTo(out.rowRange(chin + f.height / 10, out.rows()));
        return out;
    }

    private static Mat smoothing(Base b, Random r) {
        Rect f = org.elicence.photoaudit.audit.analysis.Regions.clip(new Rect(b.box().x, b.box().y + b.box().height / 2,
                b.box().width, b.box().height / 2), b.image());
        Mat out = b.image().clone();
        Mat smooth = new Mat();
        Imgproc.bilateralFilter(out.submat(f), smooth, 15, 60, 15);
        Imgproc.bilateralFilter(smooth.clone(), smooth, 15, 60, 15);
        smooth.copyTo(out.submat(f));
        return out;
    }

    private static Mat secondFace(Base b, Random r) {
        Rect f = b.box();
        Mat out = pad(b.image(), 0, 0, b.image().cols() / 2);
        Rect source = org.elicence.photoaudit.audit.analysis.Regions.clip(new Rect(f.x - f.width / 4, f.y - f.height / 3,
                f.width * 3 / 2, f.height * 3 / 2), b.image());
        Mat poster = new Mat();
        Imgproc.resize(b.image().submat(source), poster, new Size(source.width * 0.55, source.height * 0.55));
        poster.copyTo(out.submat(new Rect(out.cols() - poster.cols() - 4, 4, poster.cols(), poster.rows())));
        return out;
    }
}
