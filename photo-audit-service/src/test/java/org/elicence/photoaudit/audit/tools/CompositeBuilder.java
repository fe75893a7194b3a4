package org.elicence.photoaudit.audit.tools;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a real photograph into a studio-style upload: GrabCut separates the person (initialised from the
 * detected face: face core = certain person, upper corners beside the head = certain background), the
 * person is composited at full, unresampled resolution onto a near-white wall with a faint vertical
 * gradient, framed like an ID upload (3:4, hair near the top, head centred).
 */
final class CompositeBuilder {

    /** Wall colour of the compliant composites (BGR), near-white like a real painted wall. */
    static final Scalar WALL = new Scalar(246, 247, 248);

    private CompositeBuilder() {
    }

    /** Person alpha (CV_32F, 0..1) of {@code photo} given its face box. */
    static Mat personAlpha(Mat photo, Rect face, double jawHalfWidth) {
        Mat mask = new Mat(photo.size(), CvType.CV_8U, new Scalar(Imgproc.GC_PR_BGD));
        int cx = face.x + face.width / 2;
        // probable person: head ellipse (hair, hat) and the torso below the chin
        Imgproc.ellipse(mask, new Point(cx, face.y + face.height * 0.35), new Size(face.width * 0.75, face.height * 0.95), 0, 0,
                360, new Scalar(Imgproc.GC_PR_FGD), -1);
        Imgproc.rectangle(mask, new Point(cx - face.width * 1.2, face.y + face.height * 1.1),
                new Point(cx + face.width * 1.2, photo.rows()), new Scalar(Imgproc.GC_PR_FGD), -1);
        Imgproc.rectangle(mask, new Point(cx - face.width * 0.3, face.y + face.height * 0.2),
                new Point(cx + face.width * 0.3, face.y + face.height * 0.9), new Scalar(Imgproc.GC_FGD), -1);
        // certain background beside the head (wider above the eyes for hair or a hat, narrow at the jaw);
        // certain person down the neck so a dark collar is not cut away
        certainBackgroundBeside(mask, cx, 0, (int) (face.y + face.height * 0.45), face.width * 0.8);
        certainBackgroundBeside(mask, cx, (int) (face.y + face.height * 0.45), (int) (face.y + face.height * 1.0),
                face.width * jawHalfWidth);
        Imgproc.rectangle(mask, new Point(cx - face.width * 0.2, face.y + face.height * 0.9),
                new Point(cx + face.width * 0.2, Math.min(photo.rows(), face.y + face.height * 1.7)),
                new Scalar(Imgproc.GC_FGD), -1);
        Mat bgModel = new Mat();
        Mat fgModel = new Mat();
        Imgproc.grabCut(photo, mask, new Rect(), bgModel, fgModel, 6, Imgproc.GC_INIT_WITH_MASK);
        Mat person = new Mat();
        Mat probable = new Mat();
        Core.compare(mask, new Scalar(Imgproc.GC_FGD), person, Core.CMP_EQ);
        Core.compare(mask, new Scalar(Imgproc.GC_PR_FGD), probable, Core.CMP_EQ);
        Core.bitwise_or(person, probable, person);
        keepBodyAndHead(person, new Point(cx, face.y + face.height / 2.0));
        Mat alpha = new Mat();
        person.convertTo(alpha, CvType.CV_32F, 1 / 255.0);
        Imgproc.GaussianBlur(alpha, alpha, new Size(5, 5), 0);
        return alpha;
    }

    private static void certainBackgroundBeside(Mat mask, int cx, int top, int bottom, double halfWidth) {
        Imgproc.rectangle(mask, new Point(0, top), new Point(Math.max(0, cx - halfWidth), bottom), new Scalar(Imgproc.GC_BGD), -1);
        Imgproc.rectangle(mask, new Point(Math.min(mask.cols(), cx + halfWidth), top), new Point(mask.cols(), bottom),
                new Scalar(Imgproc.GC_BGD), -1);
    }

    /** Drops segmentation islands: keeps the largest component (body) and the one holding the face. */
    private static void keepBodyAndHead(Mat binary, Point faceCentre) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(binary, labels, stats, centroids);
        int best = 0;
        double bestArea = 0;
        for (int i = 1; i < n; i++) {
            double area = stats.get(i, Imgproc.CC_STAT_AREA)[0];
            if (area > bestArea) {
                bestArea = area;
                best = i;
            }
        }
        int head = (int) labels.get((int) faceCentre.y, (int) faceCentre.x)[0];
        Mat body = new Mat();
        Core.compare(labels, new Scalar(best), body, Core.CMP_EQ);
        Core.compare(labels, new Scalar(head), binary, Core.CMP_EQ);
        Core.bitwise_or(binary, body, binary);
    }

    /** Composites the person on {@code wall} and frames the result (3:4, head at the top, centred). */
    static Mat compose(Mat photo, Mat alpha, Rect face, Scalar wall) {
        Mat blended = blend(photo, alpha, wallWithGradient(photo.size(), wall));
        int top = topOfPerson(alpha, face);
        int headLength = (int) (face.y + face.height * 1.08) - top;
        int height = Math.min(photo.rows() - (top - headLength / 8), (int) (headLength * 2.3));
        int width = height * 3 / 4;
        int y0 = top - headLength / 8;
        int x0 = face.x + face.width / 2 - width / 2;
        Mat framed = new Mat();
        int padTop = Math.max(0, -y0);
        int padSide = Math.max(0, Math.max(-x0, x0 + width - photo.cols()));
        Core.copyMakeBorder(blended, framed, padTop, 0, padSide, padSide, Core.BORDER_CONSTANT, wall);
        Mat out = framed.submat(new Rect(x0 + padSide, y0 + padTop, width, Math.min(height, framed.rows() - y0 - padTop))).clone();
        blended.release();
        framed.release();
        return out;
    }

    static Mat blend(Mat photo, Mat alpha, Mat background) {
        Mat a3 = new Mat();
        Imgproc.cvtColor(alpha, a3, Imgproc.COLOR_GRAY2BGR);
        Mat fg = new Mat();
        Mat bg = new Mat();
        photo.convertTo(fg, CvType.CV_32FC3);
        background.convertTo(bg, CvType.CV_32FC3);
        Core.multiply(fg, a3, fg);
        Mat inverse = new Mat();
        Core.subtract(new Mat(a3.size(), CvType.CV_32FC3, Scalar.all(1)), a3, inverse);
        Core.multiply(bg, inverse, bg);
        Core.add(fg, bg, fg);
        Mat out = new Mat();
        fg.convertTo(out, CvType.CV_8UC3);
        return out;
    }

    /** A wall is never perfectly flat: 3 grey levels of vertical gradient. */
    static Mat wallWithGradient(Size size, Scalar wall) {
        Mat out = new Mat(size, CvType.CV_8UC3);
        for (int y = 0; y < out.rows(); y++) {
            double shade = -3.0 * y / out.rows();
            out.row(y).setTo(new Scalar(wall.val[0] + shade, wall.val[1] + shade, wall.val[2] + shade));
        }
        return out;
    }

    private static int topOfPerson(Mat alpha, Rect face) {
        for (int y = 0; y < face.y; y++) {
            Mat row = alpha.row(y).colRange(face.x, face.x + face.width);
            if (Core.countNonZero(thresholded(row)) > face.width / 10) {
                return y;
            }
        }
        return face.y;
    }

    private static Mat thresholded(Mat row) {
        Mat t = new Mat();
        Imgproc.threshold(row, t, 0.5, 1, Imgproc.THRESH_BINARY);
        return t;
    }
}
