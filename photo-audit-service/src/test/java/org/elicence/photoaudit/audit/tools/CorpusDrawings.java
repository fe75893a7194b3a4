package org.elicence.photoaudit.audit.tools;

import java.util.Random;
import org.elicence.photoaudit.audit.tools.CorpusVariants.Base;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Corpus variants that draw an object over the person: lenses, glare, mask, fringe, hat, skin, an arm. */
final class CorpusDrawings {

    private CorpusDrawings() {
    }

    static Mat darkLenses(Base b, Random r) {
        Mat out = b.image().clone();
        int rw = (int) (b.box().width * 0.15);
        for (boolean left : new boolean[] {true, false}) {
            Imgproc.ellipse(out, b.eye(left), new Size(rw, rw * 0.75), 0, 0, 360, new Scalar(25, 22, 20), -1);
        }
        Imgproc.line(out, b.eye(true), b.eye(false), new Scalar(25, 22, 20), 3);
        return out;
    }

    static Mat glare(Base b, Random r) {
        Mat out = b.image().clone();
        int rw = (int) (b.box().width * 0.045);
        for (boolean left : new boolean[] {true, false}) {
            Imgproc.ellipse(out, b.eye(left), new Size(rw, rw * 0.6), -20, 0, 360, new Scalar(255, 255, 255), -1);
        }
        return out;
    }

    static Mat faceMask(Base b, Random r) {
        Rect f = b.box();
        Mat out = b.image().clone();
        MatOfPoint poly = new MatOfPoint(new Point(f.x + f.width * 0.08, f.y + f.height * 0.52),
                new Point(f.x + f.width * 0.92, f.y + f.height * 0.52), new Point(f.x + f.width * 0.85, f.y + f.height * 0.95),
                new Point(f.x + f.width * 0.5, f.y + f.height * 1.12), new Point(f.x + f.width * 0.15, f.y + f.height * 0.95));
        Imgproc.fillPoly(out, java.util.List.of(poly), new Scalar(225, 200, 170));
        return out;
    }

    static Mat fringe(Base b, Random r) {
        Rect f = b.box();
        Mat out = b.image().clone();
        for (int i = 0; i < 26; i++) {
            double x = f.x + f.width * (0.1 + 0.8 * r.nextDouble());
            Imgproc.line(out, new Point(x, f.y - f.height * 0.1), new Point(x + f.width * 0.05, f.y + f.height * 0.36),
                    new Scalar(40, 60, 95), Math.max(2, f.width / 40));
        }
        return out;
    }

    static Mat hat(Base b, Random r) {
        Rect f = b.box();
        Mat out = b.image().clone();
        Point brimLeft = new Point(f.x - f.width * 0.12, f.y + f.height * 0.05);
        Point brimRight = new Point(f.x + f.width * 1.12, f.y + f.height * 0.12);
        MatOfPoint crown = new MatOfPoint(brimLeft, new Point(f.x + f.width * 0.1, f.y - f.height * 0.75),
                new Point(f.x + f.width * 0.9, f.y - f.height * 0.75), brimRight);
        Imgproc.fillPoly(out, java.util.List.of(crown), new Scalar(40, 35, 30));
        return out;
    }

    static Mat bareShoulders(Base b, Random r) {
        Rect f = b.box();
        Mat out = b.image().clone();
        Scalar skin = org.opencv.core.Core.mean(out.submat(new Rect(f.x + f.width / 5, f.y + f.height * 3 / 5, f.width / 7, f.height / 8)));
        int chin = (int) (f.y + f.height * 1.1);
        MatOfPoint body = new MatOfPoint(new Point(f.x + f.width * 0.3, chin), new Point(f.x + f.width * 0.7, chin),
                new Point(f.x + f.width * 1.9, chin + f.height * 0.45), new Point(f.x + f.width * 1.9, out.rows()),
                new Point(f.x - f.width * 0.9, out.rows()), new Point(f.x - f.width * 0.9, chin + f.height * 0.45));
        Imgproc.fillPoly(out, java.util.List.of(body), skin);
        Mat textured = CorpusVariants.noise(out, 2, r);
        Mat wall = CorpusVariants.wallMask(b.image());
        b.image().copyTo(textured, wall);
        return textured;
    }

    static Mat arm(Base b, Random r) {
        Rect f = b.box();
        Mat out = b.image().clone();
        Scalar skin = org.opencv.core.Core.mean(out.submat(new Rect(f.x + f.width / 5, f.y + f.height * 3 / 5, f.width / 7, f.height / 8)));
        int w = out.cols();
        int h = out.rows();
        MatOfPoint armShape = new MatOfPoint(new Point(0, h * 0.55), new Point(w * 0.16, h * 0.62),
                new Point(w * 0.2, h), new Point(0, h));
        Imgproc.fillPoly(out, java.util.List.of(armShape), skin);
        return CorpusVariants.noise(out, 2, r);
    }

    // ---- R5 head coverings and bareheaded hair colours (drawn over the collins base: bareheaded) ----

    /** Baseball cap: rounded crown over the hair from the forehead up, a visor in front, fabric shading. */
    static Mat cap(Base b, Random r, Scalar colour) {
        Rect f = b.box();
        Mat out = b.image().clone();
        Mat shape = Mat.zeros(out.size(), org.opencv.core.CvType.CV_8U);
        Point centre = new Point(f.x + f.width * 0.5, f.y + f.height * 0.10);
        Imgproc.ellipse(shape, centre, new Size(f.width * 0.62, f.height * 0.62), 0, 180, 360, new Scalar(255), -1);
        // visor: a flattened half-ellipse in front, over the forehead
        Imgproc.ellipse(shape, new Point(centre.x, centre.y), new Size(f.width * 0.66, f.height * 0.13), 0, 0, 180,
                new Scalar(255), -1);
        paintFabric(out, shape, colour, f, r, false);
        // crown seams
        Imgproc.line(out, new Point(centre.x, centre.y - f.height * 0.6), new Point(centre.x, centre.y), darker(colour), 2);
        Imgproc.ellipse(out, centre, new Size(f.width * 0.62, f.height * 0.07), 0, 180, 360, darker(colour), 2);
        return out;
    }

    /** Knitted beanie: rounded, pulled down to the eyebrows' top, vertical ribs. */
    static Mat beanie(Base b, Random r, Scalar colour) {
        Rect f = b.box();
        Mat out = b.image().clone();
        Mat shape = Mat.zeros(out.size(), org.opencv.core.CvType.CV_8U);
        Imgproc.ellipse(shape, new Point(f.x + f.width * 0.5, f.y + f.height * 0.14), new Size(f.width * 0.64, f.height * 0.66),
                0, 180, 360, new Scalar(255), -1);
        paintFabric(out, shape, colour, f, r, true);
        return out;
    }

    /** Headscarf: covers the hair, the ears and the sides of the face down below the chin; face opening only. */
    static Mat headscarf(Base b, Random r, Scalar colour) {
        Rect f = b.box();
        Mat out = b.image().clone();
        Mat shape = Mat.zeros(out.size(), org.opencv.core.CvType.CV_8U);
        Point centre = new Point(f.x + f.width * 0.5, f.y + f.height * 0.45);
        Imgproc.ellipse(shape, centre, new Size(f.width * 0.85, f.height * 1.05), 0, 0, 360, new Scalar(255), -1);
        Imgproc.ellipse(shape, new Point(centre.x, f.y + f.height * 0.58), new Size(f.width * 0.40, f.height * 0.52), 0, 0,
                360, new Scalar(0), -1);
        paintFabric(out, shape, colour, f, r, false);
        return out;
    }

    /** The subject's hair recoloured (gains per BGR channel): dark or red hair, still bareheaded. */
    static Mat recolourHair(Base b, Random r, Scalar gains) {
        Mat out = b.image().clone();
        Mat hair = hairMask(b);
        Mat recoloured = new Mat();
        org.opencv.core.Core.multiply(b.image(), gains, recoloured);
        recoloured.copyTo(out, hair);
        return out;
    }

    /**
     * Hair of a bareheaded base: inside a head ellipse, above the chin, not wall, darker than skin, outside the
     * eyes-nose-mouth core. Feathered by the JPEG encoding only (the hair edge stays where it was).
     */
    static Mat hairMask(Base b) {
        Rect f = b.box();
        Mat head = Mat.zeros(b.image().size(), org.opencv.core.CvType.CV_8U);
        Imgproc.ellipse(head, new Point(f.x + f.width * 0.5, f.y + f.height * 0.30), new Size(f.width * 0.95, f.height * 0.95),
                0, 0, 360, new Scalar(255), -1);
        Imgproc.rectangle(head, new Point(0, f.y + f.height * 1.0), new Point(head.cols(), head.rows()), new Scalar(0), -1);
        Imgproc.ellipse(head, new Point(f.x + f.width * 0.5, f.y + f.height * 0.62), new Size(f.width * 0.40, f.height * 0.48),
                0, 0, 360, new Scalar(0), -1);
        Mat grey = new Mat();
        Imgproc.cvtColor(b.image(), grey, Imgproc.COLOR_BGR2GRAY);
        Mat dark = new Mat();
        Imgproc.threshold(grey, dark, 150, 255, Imgproc.THRESH_BINARY_INV);
        Mat notWall = new Mat();
        org.opencv.core.Core.bitwise_not(CorpusVariants.wallMask(b.image()), notWall);
        org.opencv.core.Core.bitwise_and(head, dark, head);
        org.opencv.core.Core.bitwise_and(head, notWall, head);
        return head;
    }

    /** Fills {@code shape} with a fabric: light from above, soft folds or knitted ribs, fine noise. */
    private static void paintFabric(Mat out, Mat shape, Scalar colour, Rect f, Random r, boolean ribs) {
        Mat fabric = new Mat(out.size(), org.opencv.core.CvType.CV_32FC3);
        double period = f.width * (ribs ? 0.045 : 0.22);
        for (int y = 0; y < fabric.rows(); y++) {
            double light = 1.08 - 0.25 * Math.max(0, Math.min(1, (y - (f.y - f.height * 0.6)) / (f.height * 1.6)));
            float[] row = new float[fabric.cols() * 3];
            for (int x = 0; x < fabric.cols(); x++) {
                double fold = 1 + (ribs ? 0.10 : 0.07) * Math.sin(2 * Math.PI * (x + (ribs ? 0 : 0.4 * y)) / period);
                for (int c = 0; c < 3; c++) {
                    row[x * 3 + c] = (float) Math.min(255, colour.val[c] * light * fold);
                }
            }
            fabric.put(y, 0, row);
        }
        Mat noise = new Mat(out.size(), org.opencv.core.CvType.CV_32FC3);
        org.opencv.core.Core.setRNGSeed(r.nextInt());
        org.opencv.core.Core.randn(noise, 0, 4);
        org.opencv.core.Core.add(fabric, noise, fabric);
        Mat eight = new Mat();
        fabric.convertTo(eight, org.opencv.core.CvType.CV_8UC3);
        Mat soft = new Mat();
        Imgproc.GaussianBlur(shape, soft, new Size(3, 3), 0);
        Imgproc.threshold(soft, soft, 127, 255, Imgproc.THRESH_BINARY);
        eight.copyTo(out, soft);
    }

    private static Scalar darker(Scalar c) {
        return new Scalar(c.val[0] * 0.6, c.val[1] * 0.6, c.val[2] * 0.6);
    }
}
