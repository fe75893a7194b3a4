package org.elicence.photoaudit.audit.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * R5 violations: a cap with a brim, a beanie and a headscarf, sized from the .tem head outline and the
 * measured top of the hair, so that they sit on the head whatever the hairstyle.
 */
final class Headwear {

    static final Scalar[] CAP_COLOURS = {Compositing.bgr(30, 30, 33), Compositing.bgr(236, 236, 232),
            Compositing.bgr(128, 128, 132), Compositing.bgr(170, 30, 35), Compositing.bgr(30, 40, 85),
            Compositing.bgr(185, 165, 120)};
    static final String[] CAP_STYLES = {"black", "white", "grey", "red", "navy", "khaki"};
    static final Scalar[] KNIT_COLOURS = {Compositing.bgr(40, 40, 44), Compositing.bgr(150, 35, 45),
            Compositing.bgr(60, 80, 120), Compositing.bgr(200, 200, 195), Compositing.bgr(80, 110, 70)};
    static final String[] KNIT_STYLES = {"black", "red", "blue", "white", "green"};
    static final Scalar[] SCARF_COLOURS = {Compositing.bgr(25, 25, 30), Compositing.bgr(35, 45, 90),
            Compositing.bgr(200, 180, 150), Compositing.bgr(110, 30, 45)};
    static final String[] HEADSCARF_STYLES = {"black", "navy", "beige", "maroon"};

    private Headwear() {
    }

    /** Half the width of the head outline at temple height, from the .tem outline points beside the eyes. */
    private static double headHalfWidth(TemLandmarks lm) {
        return (lm.at(154).x - lm.at(148).x) / 2 * 1.02;
    }

    /** Baseball cap: a shaded dome with seams and button, a brim over the forehead and its shadow. */
    static Mat cap(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        double cx = (lm.at(148).x + lm.at(154).x) / 2;
        double brow = lm.browTopY();
        double bottom = lm.hairlineY() + 0.3 * (brow - lm.hairlineY());
        double top = Math.min(b.hairTopY(), lm.crown().y) - 0.04 * ipd;
        double a = headHalfWidth(lm);
        Size size = b.size();
        Mat image = b.floatImage();
        Scalar colour = CAP_COLOURS[style % CAP_COLOURS.length];
        double brimDepth = Math.max(0.12 * ipd, Math.min(0.3 * ipd, 0.75 * (brow - bottom)));
        // Shadow of the brim on the forehead.
        Mat shadow = Compositing.ellipse(size, new Point(cx, bottom + brimDepth * 0.6), new Size(a * 0.9, brimDepth * 1.1),
                0, 0.08 * ipd);
        Compositing.multiply(image, Compositing.mix(Compositing.solid1(size, 0.55), shadow));
        Mat dome = halfEllipse(size, new Point(cx, bottom), a, bottom - top, true);
        Mat domeShade = Compositing.field(size, (x, y) -> {
            double dx = (x - cx) / a;
            double dy = (y - top) / (bottom - top);
            double s = 1.12 - 0.35 * dx * dx - 0.15 * dy;
            for (double seam : new double[] {-0.4, 0, 0.4}) {
                double sx = cx + seam * a * Math.sqrt(Math.max(0, dy));
                s -= 0.12 * Math.exp(-Math.pow((x - sx) / (0.012 * ipd), 2));
            }
            return s;
        });
        paint(image, size, colour, domeShade, dome, random);
        Mat button = Compositing.ellipse(size, new Point(cx, top + 0.03 * ipd), new Size(0.06 * ipd, 0.04 * ipd), 0, 1);
        Compositing.blend(image, Compositing.solid(size, FaceCoverings.scale(colour, 0.8)), button);
        Mat brim = halfEllipse(size, new Point(cx, bottom - 0.02 * ipd), a * 1.04, brimDepth, false);
        Mat brimShade = Compositing.field(size, (x, y) -> 0.7 + 0.25 * (y - bottom) / brimDepth);
        paint(image, size, colour, brimShade, brim, random);
        return Compositing.toByte(image);
    }

    /** Knitted beanie down to just above the brows, with a ribbed cuff. */
    static Mat beanie(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        double cx = (lm.at(148).x + lm.at(154).x) / 2;
        double bottom = lm.browTopY() - 0.12 * ipd;
        double top = Math.min(b.hairTopY(), lm.crown().y) - 0.08 * ipd;
        double a = headHalfWidth(lm) * 1.03;
        Size size = b.size();
        Mat shape = halfEllipse(size, new Point(cx, bottom), a, bottom - top, true);
        double cuff = bottom - 0.35 * ipd;
        double rib = 0.06 * ipd;
        Mat shade = Compositing.field(size, (x, y) -> {
            double dx = (x - cx) / a;
            double s = 1.08 - 0.3 * dx * dx;
            s *= 1 + (y > cuff ? 0.12 : 0.06) * Math.sin(2 * Math.PI * x / rib);
            if (Math.abs(y - cuff) < 0.03 * ipd) {
                s *= 0.8; // the fold of the cuff
            }
            return s;
        });
        Mat image = b.floatImage();
        paint(image, size, KNIT_COLOURS[style % KNIT_COLOURS.length], shade, shape, random);
        return Compositing.toByte(image);
    }

    /** Headscarf covering the hair, the ears and the neck, with an opening for the face only. */
    static Mat headscarf(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        Point c = lm.faceCentre();
        double chin = lm.chin().y;
        double hairTop = Math.min(b.hairTopY(), lm.crown().y);
        List<Point> outer = new ArrayList<>();
        double jawLeft = lm.at(111).x;
        double jawRight = lm.at(114).x;
        outer.add(new Point(jawLeft - 0.45 * ipd, chin + 0.55 * ipd));
        for (int i = 147; i <= 155; i++) {
            Point p = lm.at(i);
            double y = c.y + (p.y - c.y) * 1.1;
            outer.add(new Point(c.x + (p.x - c.x) * 1.1, i == TemLandmarks.CROWN ? Math.min(y, hairTop - 0.05 * ipd) : y));
        }
        outer.add(new Point(jawRight + 0.45 * ipd, chin + 0.55 * ipd));
        outer.add(new Point(c.x + 0.4 * ipd, chin + 0.85 * ipd));
        outer.add(new Point(c.x - 0.4 * ipd, chin + 0.85 * ipd));
        List<Point> opening = new ArrayList<>();
        for (int i = 134; i <= 144; i++) { // forehead edge a little below the hairline: no hair shows
            Point p = lm.at(i);
            opening.add(new Point(p.x, p.y + 0.12 * ipd));
        }
        for (int i : new int[] {133, 132, 131, 130, 129, 128, 127, 126, 125}) {
            Point p = lm.at(i);
            opening.add(new Point(c.x + (p.x - c.x) * 0.97, c.y + (p.y - c.y) * 0.99));
        }
        Size size = b.size();
        Mat alpha = Compositing.polygon(size, outer, 1.5);
        Mat face = Compositing.polygon(size, opening, 1.5);
        Core.subtract(alpha, face, alpha);
        Core.max(alpha, Scalar.all(0), alpha);
        Mat folds = Compositing.texture(size, random, 0.35 * ipd, 0.12);
        Core.multiply(folds, FaceCoverings.edgeRounding(alpha, 0.3 * ipd), folds);
        Mat image = b.floatImage();
        paint(image, size, SCARF_COLOURS[style % SCARF_COLOURS.length], folds, alpha, random);
        return Compositing.toByte(image);
    }

    /** Colour x shading x fine fabric texture, blended in with the alpha. */
    private static void paint(Mat image, Size size, Scalar colour, Mat shade, Mat alpha, Random random) {
        Mat layer = Compositing.solid(size, colour);
        Compositing.multiply(layer, shade);
        Compositing.multiply(layer, Compositing.texture(size, random, 2.5, 0.035));
        // A black fabric still catches light: lift its shading a little so the dome reads as a shape.
        if (colour.val[0] + colour.val[1] + colour.val[2] < 150) {
            Mat lift = new Mat();
            Core.subtract(shade, Scalar.all(0.85), lift);
            Core.multiply(lift, Scalar.all(60), lift);
            Core.max(lift, Scalar.all(0), lift);
            Core.add(layer, Compositing.three(lift), layer);
        }
        Compositing.blend(image, layer, alpha);
    }

    /** Upper (or lower) half of an ellipse centred on {@code centre}, feathered by a pixel. */
    static Mat halfEllipse(Size size, Point centre, double a, double b, boolean upper) {
        Mat m = Mat.zeros(size, CvType.CV_8UC1);
        Imgproc.ellipse(m, centre, new Size(a, b), 0, upper ? 180 : 0, upper ? 360 : 180, new Scalar(255), -1,
                Imgproc.LINE_AA);
        return Compositing.soften(m, 1.0);
    }
}
