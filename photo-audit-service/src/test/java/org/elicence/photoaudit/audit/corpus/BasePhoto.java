package org.elicence.photoaudit.audit.corpus;

import java.util.ArrayList;
import java.util.List;
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
 * A real photo prepared for editing: its pixels, its hand-placed landmarks, and masks derived from both
 * without the engine under test.
 *
 * <p>Wall: the studio wall is a uniform light grey, so it is what a flood fill from the image border reaches
 * with small neighbour-to-neighbour steps (which follows the wall's gentle light fall-off), intersected with
 * "close to the wall colour measured in the top corners" (which stops the fill at a white T-shirt whose shading
 * meets the wall smoothly), and never inside the head outline polygon drawn through the .tem head-outline,
 * jaw and neck points (which keeps light skin and grey hair out).
 */
record BasePhoto(FrlCorpus.Photo photo, Mat image, TemLandmarks landmarks, Mat wallAlpha, Scalar wallColour,
        double hairTopY, Scalar skinColour) {

    static BasePhoto of(FrlCorpus corpus, FrlCorpus.Photo photo) {
        Mat image = Compositing.decode(corpus.jpeg(photo));
        TemLandmarks lm = corpus.landmarks(photo.person());
        Scalar wall = wallColour(image);
        Mat wallMask = wallMask(image, lm, wall);
        return new BasePhoto(photo, image, lm, Compositing.soften(wallMask, 1.5), wall, hairTop(wallMask, lm),
                skinColour(image, lm));
    }

    String person() {
        return photo.person();
    }

    Size size() {
        return image.size();
    }

    Mat floatImage() {
        return Compositing.toFloat(image);
    }

    /** 1 - wall alpha: the person (head, hair, body). */
    Mat personAlpha() {
        Mat p = new Mat();
        Core.subtract(Mat.ones(wallAlpha.size(), CvType.CV_32FC1), wallAlpha, p);
        return p;
    }

    /** Median of four corner patches (two top corners, two at mid height on the sides). */
    static Scalar wallColour(Mat image) {
        int s = Math.max(8, image.cols() / 40);
        int m = s / 2;
        List<Scalar> patches = List.of(
                Core.mean(image.submat(new Rect(m, m, s, s))),
                Core.mean(image.submat(new Rect(image.cols() - m - s, m, s, s))),
                Core.mean(image.submat(new Rect(m, image.rows() * 2 / 5, s, s))),
                Core.mean(image.submat(new Rect(image.cols() - m - s, image.rows() * 2 / 5, s, s))));
        double[] c = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            int channel = ch;
            double[] v = patches.stream().mapToDouble(p -> p.val[channel]).sorted().toArray();
            c[ch] = (v[1] + v[2]) / 2;
        }
        return new Scalar(c[0], c[1], c[2]);
    }

    /** The head polygon: hair outline over the crown, closed under the chin along the jaw. */
    static List<Point> headPolygon(TemLandmarks lm) {
        List<Point> poly = new ArrayList<>(lm.all(TemLandmarks.HEAD_OUTLINE));
        List<Point> jaw = new ArrayList<>(lm.all(TemLandmarks.JAW));
        java.util.Collections.reverse(jaw);
        poly.addAll(jaw);
        return poly;
    }

    /**
     * Where the person is certain to be, so that the wall fill never enters it: the head outline pulled 6 % in
     * towards the face centre (the hand-placed outline runs just outside the hair), closed along the jaw, then
     * the neck and a conservative shoulder slope down to the bottom corners.
     */
    static List<Point> personPolygon(TemLandmarks lm, Size size) {
        Point c = lm.faceCentre();
        double fw = lm.faceWidth();
        double chinY = lm.chin().y;
        List<Point> poly = new ArrayList<>();
        for (Point p : lm.all(TemLandmarks.HEAD_OUTLINE)) {
            poly.add(new Point(c.x + (p.x - c.x) * 0.94, c.y + (p.y - c.y) * 0.94));
        }
        Point neckRight = lm.at(157);
        Point neckLeft = lm.at(145);
        poly.add(new Point(neckRight.x, Math.max(neckRight.y, chinY)));
        poly.add(new Point(c.x + 0.95 * fw, chinY + 0.45 * fw));
        poly.add(new Point(c.x + 1.9 * fw, chinY + 0.95 * fw));
        poly.add(new Point(size.width + 1, size.height + 1));
        poly.add(new Point(-1, size.height + 1));
        poly.add(new Point(c.x - 1.9 * fw, chinY + 0.95 * fw));
        poly.add(new Point(c.x - 0.95 * fw, chinY + 0.45 * fw));
        poly.add(new Point(neckLeft.x, Math.max(neckLeft.y, chinY)));
        return poly;
    }

    /**
     * The wall: reached from the image border by a flood fill with small neighbour steps (it follows the
     * studio light's gentle fall-off, brighter behind the head), outside {@link #personPolygon}, grey (channel
     * spread under 22 levels, which excludes skin and most hair) and not much darker than the corners.
     */
    static Mat wallMask(Mat image, TemLandmarks lm, Scalar wall) {
        Mat smooth = new Mat();
        Imgproc.GaussianBlur(image, smooth, new Size(5, 5), 0);
        int w = image.cols();
        int h = image.rows();
        Mat fill = Mat.zeros(h + 2, w + 2, CvType.CV_8UC1);
        Mat blocked = Mat.zeros(image.size(), CvType.CV_8UC1);
        Imgproc.fillPoly(blocked, List.of(new MatOfPoint(personPolygon(lm, image.size()).toArray(Point[]::new))),
                new Scalar(1));
        Mat notGrey = notWallLike(smooth, wall, lm.chin().y);
        Core.bitwise_or(blocked, notGrey, blocked);
        blocked.copyTo(fill.submat(new Rect(1, 1, w, h)));
        int flags = 4 | Imgproc.FLOODFILL_MASK_ONLY | (2 << 8);
        for (Point seed : List.of(new Point(3, 3), new Point(w - 4, 3), new Point(w / 2.0, 3), new Point(3, h * 0.4),
                new Point(w - 4, h * 0.4), new Point(3, h * 0.7), new Point(w - 4, h * 0.7))) {
            if (blocked.get((int) seed.y, (int) seed.x)[0] == 0) {
                Imgproc.floodFill(smooth, fill, seed, new Scalar(0), new Rect(), Scalar.all(3), Scalar.all(3), flags);
            }
        }
        Mat reached = new Mat();
        Core.compare(fill.submat(new Rect(1, 1, w, h)), new Scalar(2), reached, Core.CMP_EQ);
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5));
        Imgproc.morphologyEx(reached, reached, Imgproc.MORPH_CLOSE, kernel);
        Imgproc.morphologyEx(reached, reached, Imgproc.MORPH_OPEN, kernel);
        return reached;
    }

    /** 1 where a pixel cannot be wall: coloured (channel spread >= 22), much darker than the corners, or (below the chin) much brighter. */
    private static Mat notWallLike(Mat smooth, Scalar wall, double chinY) {
        List<Mat> ch = new ArrayList<>();
        Core.split(smooth, ch);
        Mat max = new Mat();
        Mat min = new Mat();
        Core.max(ch.get(0), ch.get(1), max);
        Core.max(max, ch.get(2), max);
        Core.min(ch.get(0), ch.get(1), min);
        Core.min(min, ch.get(2), min);
        Mat spread = new Mat();
        Core.subtract(max, min, spread);
        Mat coloured = new Mat();
        Imgproc.threshold(spread, coloured, 21, 1, Imgproc.THRESH_BINARY);
        double wallLuma = (wall.val[0] + wall.val[1] + wall.val[2]) / 3;
        Mat dark = new Mat();
        Imgproc.threshold(max, dark, wallLuma * 0.72, 1, Imgproc.THRESH_BINARY_INV);
        Mat out = new Mat();
        Core.bitwise_or(coloured, dark, out);
        // Below the chin, grey brighter than the wall at the image sides at chin height is the white T-shirt.
        Mat bright = new Mat();
        int s = Math.max(8, smooth.cols() / 40);
        int y = (int) Math.min(chinY, smooth.rows() - s);
        double sideLuma = Math.max(Core.mean(max.submat(new Rect(s / 2, y, s, s))).val[0],
                Core.mean(max.submat(new Rect(smooth.cols() - s - s / 2, y, s, s))).val[0]);
        Imgproc.threshold(max, bright, sideLuma + 12, 1, Imgproc.THRESH_BINARY);
        Mat lower = out.rowRange((int) chinY, out.rows());
        Core.bitwise_or(lower, bright.rowRange((int) chinY, out.rows()), lower);
        return out;
    }

    private static Scalar sub(Scalar s, double d) {
        return new Scalar(s.val[0] - d, s.val[1] - d, s.val[2] - d);
    }

    /**
     * Top of the hair: the first row where at least a third of the columns within one inter-pupil distance of
     * the eye centre are not wall (the .tem crown point marks the skull, which lies below a bun or curls).
     */
    static double hairTop(Mat wallMask, TemLandmarks lm) {
        int x0 = (int) Math.max(0, lm.eyeCentre().x - lm.interPupil());
        int x1 = (int) Math.min(wallMask.cols(), lm.eyeCentre().x + lm.interPupil());
        for (int y = 0; y < lm.crown().y; y++) {
            double nonWall = (x1 - x0) - Core.countNonZero(wallMask.submat(y, y + 1, x0, x1));
            if (nonWall >= (x1 - x0) / 3.0) {
                return y;
            }
        }
        return lm.crown().y;
    }

    /** Mean colour of the two cheeks (circles of 0.12 inter-pupil distance round the cheek points). */
    static Scalar skinColour(Mat image, TemLandmarks lm) {
        Mat mask = Mat.zeros(image.size(), CvType.CV_8UC1);
        int r = (int) Math.round(lm.interPupil() * 0.12);
        Imgproc.circle(mask, lm.at(TemLandmarks.CHEEK_IMAGE_LEFT), r, new Scalar(255), -1);
        Imgproc.circle(mask, lm.at(TemLandmarks.CHEEK_IMAGE_RIGHT), r, new Scalar(255), -1);
        return Core.mean(image, mask);
    }
}
