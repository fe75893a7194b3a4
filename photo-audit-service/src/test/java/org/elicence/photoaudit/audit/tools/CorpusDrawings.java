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
}
