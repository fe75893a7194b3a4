package org.elicence.photoaudit.card;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds an ID card in a photo and corrects its perspective. Two detectors propose outlines: edges
 * (Canny) for a card on any background, and brightness (Otsu) for a card whose edge is soft. The
 * largest convex four-cornered outline wins; an outline running off the photo is kept too, marked
 * as touching the border, so a cropped card is reported as cropped rather than missing.
 */
public final class CardLocator {

    private static final double DETECTION_SIZE = 1000;
    private static final double[] APPROXIMATION_TOLERANCES = {0.02, 0.035, 0.05};
    private static final double MIN_RECTANGULARITY = 0.9;

    private final double minAreaFraction;
    private final double borderMarginFraction;

    public CardLocator(double minAreaFraction, double borderMarginFraction) {
        this.minAreaFraction = minAreaFraction;
        this.borderMarginFraction = borderMarginFraction;
    }

    public Optional<LocatedCard> locate(Mat bgr) {
        double scale = Math.min(1, DETECTION_SIZE / Math.max(bgr.cols(), bgr.rows()));
        try (NativeMats mats = new NativeMats()) {
            Mat small = mats.mat();
            Imgproc.resize(bgr, small, new Size(bgr.cols() * scale, bgr.rows() * scale), 0, 0, Imgproc.INTER_AREA);
            Mat grey = mats.add(ImageMeasures.grey(small));
            Imgproc.GaussianBlur(grey, grey, new Size(5, 5), 0);

            List<MatOfPoint> outlines = new ArrayList<>(edgeOutlines(grey, mats));
            outlines.addAll(brightOutlines(grey, mats));
            outlines.forEach(mats::add);
            double imageArea = (double) small.cols() * small.rows();
            return outlines.stream()
                    .filter(outline -> !isBackground(outline, small))
                    .map(outline -> toCard(outline, small, imageArea, mats))
                    .flatMap(Optional::stream)
                    .filter(card -> card.areaFraction() >= minAreaFraction)
                    .max(Comparator.comparing((LocatedCard card) -> !card.touchesBorder())
                            .thenComparingDouble(LocatedCard::areaFraction))
                    .map(card -> scaled(card, 1 / scale));
        }
    }

    /**
     * Warps the card to a head-on view, {@code width} pixels wide, in ID-1 proportions: a new image, which the
     * caller releases.
     */
    public static Mat rectify(Mat bgr, LocatedCard card, int width) {
        int height = (int) Math.round(width / LocatedCard.ID1_ASPECT_RATIO);
        try (NativeMats mats = new NativeMats()) {
            MatOfPoint2f from = mats.add(new MatOfPoint2f(card.corners()));
            MatOfPoint2f to = mats.add(new MatOfPoint2f(new Point(0, 0), new Point(width - 1, 0),
                    new Point(width - 1, height - 1), new Point(0, height - 1)));
            Mat transform = mats.add(Imgproc.getPerspectiveTransform(from, to));
            Mat rectified = new Mat();
            Imgproc.warpPerspective(bgr, rectified, transform, new Size(width, height), Imgproc.INTER_CUBIC);
            return rectified;
        }
    }

    /** The outlines are the caller's to release (they are not in {@code mats}). */
    private static List<MatOfPoint> edgeOutlines(Mat grey, NativeMats mats) {
        Mat edges = mats.mat();
        Imgproc.Canny(grey, edges, 30, 90);
        Imgproc.dilate(edges, edges, mats.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3))),
                new Point(-1, -1), 2);
        List<MatOfPoint> outlines = externalContours(edges, mats);
        mats.release(edges);
        return outlines;
    }

    private static List<MatOfPoint> brightOutlines(Mat grey, NativeMats mats) {
        Mat bright = mats.mat();
        Imgproc.threshold(grey, bright, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
        Imgproc.morphologyEx(bright, bright, Imgproc.MORPH_CLOSE,
                mats.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(9, 9))));
        List<MatOfPoint> outlines = externalContours(bright, mats);
        mats.release(bright);
        return outlines;
    }

    private static List<MatOfPoint> externalContours(Mat binary, NativeMats mats) {
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(binary, contours, mats.mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        return contours;
    }

    /** An outline along three or more edges of the photo is the background around the card, not a card. */
    private static boolean isBackground(MatOfPoint outline, Mat image) {
        Rect box = Imgproc.boundingRect(outline);
        int touched = (box.x <= 1 ? 1 : 0) + (box.y <= 1 ? 1 : 0) + (box.x + box.width >= image.cols() - 1 ? 1 : 0)
                + (box.y + box.height >= image.rows() - 1 ? 1 : 0);
        return touched >= 3;
    }

    private Optional<LocatedCard> toCard(MatOfPoint outline, Mat image, double imageArea, NativeMats mats) {
        MatOfPoint2f hull = mats.add(convexHull(outline, mats));
        double hullArea = Imgproc.contourArea(hull);
        if (hullArea < minAreaFraction * imageArea) {
            return Optional.empty();
        }
        return quadrilateral(hull, hullArea, mats)
                .map(corners -> ordered(corners, hullArea / imageArea, touchesBorder(corners, image)));
    }

    private static Optional<Point[]> quadrilateral(MatOfPoint2f hull, double hullArea, NativeMats mats) {
        double perimeter = Imgproc.arcLength(hull, true);
        for (double tolerance : APPROXIMATION_TOLERANCES) {
            MatOfPoint2f approximation = mats.add(new MatOfPoint2f());
            Imgproc.approxPolyDP(hull, approximation, tolerance * perimeter, true);
            if (approximation.rows() == 4) {
                return Optional.of(approximation.toArray());
            }
        }
        // A card whose corner is cut off has five sides; its bounding rectangle still locates it.
        RotatedRect rectangle = Imgproc.minAreaRect(hull);
        if (hullArea / rectangle.size.area() < MIN_RECTANGULARITY) {
            return Optional.empty();
        }
        Point[] corners = new Point[4];
        rectangle.points(corners);
        return Optional.of(corners);
    }

    private static MatOfPoint2f convexHull(MatOfPoint outline, NativeMats mats) {
        MatOfInt indices = mats.add(new MatOfInt());
        Imgproc.convexHull(outline, indices);
        Point[] points = outline.toArray();
        Point[] hull = indices.toList().stream().map(i -> points[i]).toArray(Point[]::new);
        return new MatOfPoint2f(hull);
    }

    private boolean touchesBorder(Point[] corners, Mat image) {
        double margin = borderMarginFraction * Math.min(image.cols(), image.rows()) + 1;
        for (Point corner : corners) {
            if (corner.x < margin || corner.y < margin || corner.x > image.cols() - 1 - margin
                    || corner.y > image.rows() - 1 - margin) {
                return true;
            }
        }
        return false;
    }

    /**
     * Orders the corners clockwise from the top-left and starts at a long edge, so that a card
     * photographed upright or turned a quarter is rectified in landscape.
     */
    private static LocatedCard ordered(Point[] corners, double areaFraction, boolean touchesBorder) {
        Point centre = new Point(0, 0);
        for (Point corner : corners) {
            centre = new Point(centre.x + corner.x / 4, centre.y + corner.y / 4);
        }
        Point c = centre;
        Point[] clockwise = corners.clone();
        java.util.Arrays.sort(clockwise, Comparator.comparingDouble(p -> Math.atan2(p.y - c.y, p.x - c.x)));
        // atan2 sorts from the left (-pi) clockwise in image coordinates; start at the top-left-most corner.
        int start = 0;
        for (int i = 1; i < 4; i++) {
            if (clockwise[i].x + clockwise[i].y < clockwise[start].x + clockwise[start].y) {
                start = i;
            }
        }
        Point[] p = new Point[4];
        for (int i = 0; i < 4; i++) {
            p[i] = clockwise[(start + i) % 4];
        }
        boolean firstEdgeIsLong = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y)
                + Math.hypot(p[2].x - p[3].x, p[2].y - p[3].y)
                >= Math.hypot(p[1].x - p[2].x, p[1].y - p[2].y) + Math.hypot(p[3].x - p[0].x, p[3].y - p[0].y);
        return firstEdgeIsLong
                ? new LocatedCard(p[0], p[1], p[2], p[3], areaFraction, touchesBorder)
                : new LocatedCard(p[1], p[2], p[3], p[0], areaFraction, touchesBorder);
    }

    private static LocatedCard scaled(LocatedCard card, double factor) {
        return new LocatedCard(times(card.topLeft(), factor), times(card.topRight(), factor),
                times(card.bottomRight(), factor), times(card.bottomLeft(), factor), card.areaFraction(),
                card.touchesBorder());
    }

    private static Point times(Point point, double factor) {
        return new Point(point.x * factor, point.y * factor);
    }
}
