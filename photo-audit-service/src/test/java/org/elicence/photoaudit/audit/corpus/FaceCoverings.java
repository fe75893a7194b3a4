package org.elicence.photoaudit.audit.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * R9 and R10 violations drawn onto a real photo at its hand-placed landmarks: masks, hand, scarf,
 * sunglasses and glare. Every object is shaded (rounded by a distance-transform or radial falloff), textured
 * and feathered, so that it reads as an object in the photo rather than a flat sticker.
 */
final class FaceCoverings {

    static final Scalar[] MASK_COLOURS = {Compositing.bgr(150, 200, 230), Compositing.bgr(236, 238, 238),
            Compositing.bgr(34, 34, 38)};
    static final String[] MASK_STYLES = {"light-blue", "white", "black"};
    static final Scalar[] SCARF_COLOURS = {Compositing.bgr(150, 30, 40), Compositing.bgr(35, 45, 90),
            Compositing.bgr(45, 90, 55), Compositing.bgr(120, 120, 125), Compositing.bgr(200, 150, 40)};
    static final String[] SCARF_STYLES = {"red", "navy", "green", "grey", "mustard"};
    static final String[] SUNGLASS_STYLES = {"black", "brown-gold", "grey-tortoise"};
    static final String[] GLARE_STYLES = {"left", "right", "both"};

    private FaceCoverings() {
    }

    /** Surgical or cloth mask from the nose bridge round the jaw to under the chin, with ear loops. */
    static Mat mask(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        Point c = lm.faceCentre();
        Point nose = lm.at(TemLandmarks.NOSE_TIP);
        double topY = lm.eyeCentre().y + 0.5 * (nose.y - lm.eyeCentre().y);
        Point leftAnchor = new Point(lm.at(111).x + 0.06 * ipd, nose.y - 0.15 * ipd);
        Point rightAnchor = new Point(lm.at(114).x - 0.06 * ipd, nose.y - 0.15 * ipd);
        List<Point> poly = new ArrayList<>();
        poly.add(leftAnchor);
        poly.add(new Point(lm.eyeCentre().x - 0.5 * ipd, topY + 0.12 * ipd));
        poly.add(new Point(lm.eyeCentre().x, topY));
        poly.add(new Point(lm.eyeCentre().x + 0.5 * ipd, topY + 0.12 * ipd));
        poly.add(rightAnchor);
        for (int i : new int[] {133, 132, 131, 130, 129, 128, 127, 126, 125}) {
            Point p = lm.at(i);
            double push = i == TemLandmarks.CHIN ? 1.12 : 1.05;
            poly.add(new Point(c.x + (p.x - c.x) * 1.04, c.y + (p.y - c.y) * push));
        }
        Size size = b.size();
        Mat alpha = Compositing.polygon(size, poly, 1.2);
        Scalar colour = MASK_COLOURS[style % MASK_COLOURS.length];
        double bottom = lm.chin().y + 0.1 * ipd;
        double halfWidth = (rightAnchor.x - leftAnchor.x) / 2;
        boolean surgical = style % MASK_COLOURS.length != 2;
        Mat shade = Compositing.field(size, (x, y) -> {
            double dx = (x - c.x) / halfWidth;
            double v = (y - topY) / (bottom - topY);
            double s = 1.05 - 0.28 * dx * dx - 0.08 * v;
            if (surgical) { // three pleats, curving with the face
                for (double k : new double[] {0.3, 0.5, 0.7}) {
                    double py = topY + k * (bottom - topY) - 0.08 * ipd * (1 - dx * dx);
                    s -= 0.10 * Math.exp(-Math.pow((y - py) / (0.025 * ipd), 2));
                    s += 0.05 * Math.exp(-Math.pow((y - py + 0.05 * ipd) / (0.03 * ipd), 2));
                }
            }
            return s;
        });
        Mat layer = Compositing.solid(size, colour);
        Compositing.multiply(layer, shade);
        Compositing.multiply(layer, Compositing.texture(size, random, 3, surgical ? 0.015 : 0.04));
        Mat image = b.floatImage();
        Compositing.blend(image, layer, alpha);
        Mat loops = Mat.zeros(size, CvType.CV_8UC1);
        int thick = Math.max(2, (int) Math.round(0.03 * ipd));
        Imgproc.line(loops, leftAnchor, lm.at(109), new Scalar(255), thick, Imgproc.LINE_AA);
        Imgproc.line(loops, rightAnchor, lm.at(112), new Scalar(255), thick, Imgproc.LINE_AA);
        Compositing.blend(image, Compositing.solid(size, scale(colour, 0.92)), Compositing.soften(loops, 0.6));
        return Compositing.toByte(image);
    }

    /** A hand (palm and four fingers, skin sampled from the person's own cheeks) over the mouth and a cheek. */
    static Mat hand(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        int side = style % 2 == 0 ? -1 : 1; // palm on the image-left or image-right cheek
        Point mouth = lm.mouthCentre();
        Size size = b.size();
        Mat image = b.floatImage();
        Point palm = new Point(mouth.x + side * 0.35 * ipd, mouth.y + 0.15 * ipd);
        double tilt = side * -18 + random.nextGaussian() * 3;
        List<Mat> parts = new ArrayList<>();
        parts.add(Compositing.ellipse(size, palm, new Size(0.62 * ipd, 0.5 * ipd), tilt, 0));
        for (int f = 0; f < 4; f++) { // fingers reach across the mouth towards the other cheek
            double along = -side * (0.75 + 0.05 * (f == 1 || f == 2 ? 1 : 0)) * ipd;
            Point start = new Point(palm.x + along * 0.5, palm.y - 0.32 * ipd + f * 0.2 * ipd);
            Point centre = new Point(start.x + along * 0.35, start.y - side * 0.04 * ipd);
            double length = (f == 3 ? 0.36 : 0.46) * ipd;
            parts.add(Compositing.ellipse(size, centre, new Size(length, 0.095 * ipd), tilt * 0.5, 0));
        }
        Scalar skin = b.skinColour();
        Mat union = Mat.zeros(size, CvType.CV_32FC1);
        Mat shadow = Mat.zeros(size, CvType.CV_32FC1);
        for (Mat part : parts) {
            Core.max(union, part, union);
        }
        Imgproc.GaussianBlur(union, shadow, new Size(0, 0), 0.08 * ipd);
        Mat shifted = new Mat();
        Imgproc.warpAffine(shadow, shifted, translation(0.05 * ipd, 0.07 * ipd), size);
        Compositing.multiply(image, Compositing.mix(Compositing.solid1(size, 0.6), shifted));
        for (Mat part : parts) { // each part rounded by its own distance to its edge; overlaps show as creases
            Mat m8 = new Mat();
            part.convertTo(m8, CvType.CV_8UC1, 255);
            Mat dist = new Mat();
            Imgproc.distanceTransform(m8, dist, Imgproc.DIST_L2, 3);
            double max = Core.minMaxLoc(dist).maxVal;
            Core.multiply(dist, Scalar.all(1 / Math.max(1, max)), dist);
            Core.sqrt(dist, dist);
            Core.multiply(dist, Scalar.all(0.35), dist);
            Core.add(dist, Scalar.all(0.72), dist);
            Mat layer = Compositing.solid(size, skin);
            Compositing.multiply(layer, dist);
            Compositing.multiply(layer, Compositing.texture(size, random, 4, 0.025));
            Compositing.blend(image, layer, Compositing.soften(m8, 1.0));
        }
        return Compositing.toByte(image);
    }

    /** A knitted scarf pulled up over mouth and chin, wider than the jaw, down to the collar. */
    static Mat scarf(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        Point nose = lm.at(TemLandmarks.NOSE_TIP);
        Point mouth = lm.mouthCentre();
        double topY = nose.y + 0.45 * (mouth.y - nose.y);
        double cx = lm.eyeCentre().x;
        double half = lm.faceWidth() / 2;
        List<Point> poly = List.of(new Point(cx - half - 0.1 * ipd, topY - 0.05 * ipd), new Point(cx, topY + 0.06 * ipd),
                new Point(cx + half + 0.1 * ipd, topY - 0.05 * ipd), new Point(cx + half + 0.45 * ipd, lm.chin().y + 0.9 * ipd),
                new Point(cx, lm.chin().y + 1.05 * ipd), new Point(cx - half - 0.45 * ipd, lm.chin().y + 0.9 * ipd));
        Size size = b.size();
        Mat alpha = Compositing.polygon(size, poly, 2.0);
        double rib = 0.07 * ipd;
        Mat shade = Compositing.field(size, (x, y) -> 0.92 + 0.09 * Math.sin(2 * Math.PI * x / rib)
                + 0.08 * Math.sin(2 * Math.PI * (y - topY) / (0.45 * ipd) + x / (0.9 * ipd)));
        Mat layer = Compositing.solid(size, SCARF_COLOURS[style % SCARF_COLOURS.length]);
        Compositing.multiply(layer, shade);
        Compositing.multiply(layer, Compositing.texture(size, random, 0.25 * ipd, 0.08));
        Compositing.multiply(layer, edgeRounding(alpha, 0.25 * ipd));
        Mat image = b.floatImage();
        Compositing.blend(image, layer, alpha);
        return Compositing.toByte(image);
    }

    /** Opaque dark lenses in a frame over both eyes, with temples running to the ears. */
    static Mat sunglasses(BasePhoto b, int style, Random random) {
        return glasses(b, style, true, random);
    }

    /** Clear glasses with a bright, clipped specular reflection hiding one eye (or both). */
    static Mat glare(BasePhoto b, int style, Random random) {
        return glasses(b, style, false, random);
    }

    private static Mat glasses(BasePhoto b, int style, boolean dark, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        double roll = lm.rollDegrees();
        Size size = b.size();
        Mat image = b.floatImage();
        Point[] pupils = {lm.pupilLeft(), lm.pupilRight()};
        Size lensAxes = new Size(0.43 * ipd, 0.31 * ipd);
        Mat frame = Mat.zeros(size, CvType.CV_8UC1);
        int rim = (int) Math.max(2, Math.round((dark ? 0.045 : 0.025) * ipd));
        for (int i = 0; i < 2; i++) {
            Point centre = new Point(pupils[i].x + (i == 0 ? -1 : 1) * 0.03 * ipd, pupils[i].y + 0.05 * ipd);
            Mat lens = Compositing.ellipse(size, centre, lensAxes, roll, 0.8);
            if (dark) {
                double top = centre.y - lensAxes.height;
                Mat tint = Compositing.field(size, (x, y) -> 0.75 + 0.5 * (y - top) / (2 * lensAxes.height));
                Mat layer = Compositing.solid(size, style % 3 == 1 ? Compositing.bgr(48, 32, 22) : Compositing.bgr(26, 30, 28));
                Compositing.multiply(layer, tint);
                Core.multiply(lens, Scalar.all(0.95), lens);
                Compositing.blend(image, layer, lens);
                Mat streak = Compositing.ellipse(size, new Point(centre.x - 0.12 * ipd, centre.y - 0.12 * ipd),
                        new Size(0.2 * ipd, 0.04 * ipd), roll - 30, 0.03 * ipd);
                Core.multiply(streak, lens, streak);
                Core.multiply(streak, Scalar.all(0.35), streak);
                Compositing.blend(image, Compositing.solid(size, Scalar.all(235)), streak);
            } else {
                Core.multiply(lens, Scalar.all(0.06), lens);
                Compositing.blend(image, Compositing.solid(size, Compositing.bgr(200, 215, 225)), lens);
                boolean glareHere = style % 3 == 2 || (style % 3) == i;
                if (glareHere) {
                    Point g = new Point(centre.x + (i == 0 ? -1 : 1) * 0.04 * ipd, centre.y - 0.06 * ipd);
                    Mat blob = Compositing.ellipse(size, g, new Size(0.3 * ipd, 0.2 * ipd), roll - 25, 0.07 * ipd);
                    Core.multiply(blob, Scalar.all(1.6), blob);
                    Core.min(blob, Scalar.all(1), blob);
                    Compositing.blend(image, Compositing.solid(size, Scalar.all(255)), blob);
                }
            }
            Imgproc.ellipse(frame, centre, lensAxes, roll, 0, 360, new Scalar(255), rim, Imgproc.LINE_AA);
        }
        Point bridgeL = new Point(pupils[0].x + 0.38 * ipd, pupils[0].y - 0.08 * ipd);
        Point bridgeR = new Point(pupils[1].x - 0.38 * ipd, pupils[1].y - 0.08 * ipd);
        Imgproc.line(frame, bridgeL, bridgeR, new Scalar(255), rim, Imgproc.LINE_AA);
        Imgproc.line(frame, new Point(pupils[0].x - 0.46 * ipd, pupils[0].y), lm.at(109), new Scalar(255), rim, Imgproc.LINE_AA);
        Imgproc.line(frame, new Point(pupils[1].x + 0.46 * ipd, pupils[1].y), lm.at(112), new Scalar(255), rim, Imgproc.LINE_AA);
        Scalar frameColour = style % 3 == 1 ? Compositing.bgr(170, 140, 70) : style % 3 == 2 && dark
                ? Compositing.bgr(90, 55, 30) : Compositing.bgr(20, 20, 22);
        Compositing.blend(image, Compositing.solid(size, frameColour), Compositing.soften(frame, 0.7));
        return Compositing.toByte(image);
    }

    /** 0.7 at the edge of a shape rising to 1 at {@code depth} pixels inside: a soft rounded look. */
    static Mat edgeRounding(Mat alpha, double depth) {
        Mat m8 = new Mat();
        Imgproc.threshold(alpha, m8, 0.5, 255, Imgproc.THRESH_BINARY);
        m8.convertTo(m8, CvType.CV_8UC1);
        Mat dist = new Mat();
        Imgproc.distanceTransform(m8, dist, Imgproc.DIST_L2, 3);
        Core.multiply(dist, Scalar.all(1 / depth), dist);
        Core.min(dist, Scalar.all(1), dist);
        Core.multiply(dist, Scalar.all(0.3), dist);
        Core.add(dist, Scalar.all(0.7), dist);
        return dist;
    }

    static Mat translation(double dx, double dy) {
        Mat m = new Mat(2, 3, CvType.CV_64FC1);
        m.put(0, 0, 1, 0, dx, 0, 1, dy);
        return m;
    }

    static Scalar scale(Scalar s, double f) {
        return new Scalar(s.val[0] * f, s.val[1] * f, s.val[2] * f);
    }

    static MatOfPoint points(List<Point> p) {
        return new MatOfPoint(p.toArray(Point[]::new));
    }
}
