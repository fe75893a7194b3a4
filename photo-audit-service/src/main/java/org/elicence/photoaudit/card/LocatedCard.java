package org.elicence.photoaudit.card;

import org.opencv.core.Point;

/**
 * A card found in a photo: its corners in the photo's pixels, ordered so that top-left to top-right
 * is a long edge (the card's width), then bottom-right and bottom-left.
 */
public record LocatedCard(Point topLeft, Point topRight, Point bottomRight, Point bottomLeft, double areaFraction,
        boolean touchesBorder) {

    /** 85.6 mm by 54 mm (ISO/IEC 7810 ID-1). */
    public static final double ID1_ASPECT_RATIO = 85.6 / 54.0;

    public double width() {
        return (distance(topLeft, topRight) + distance(bottomLeft, bottomRight)) / 2;
    }

    public double height() {
        return (distance(topLeft, bottomLeft) + distance(topRight, bottomRight)) / 2;
    }

    public double aspectRatio() {
        return width() / height();
    }

    /** Shorter over longer of each pair of opposite edges, the worse pair: 1 when seen head-on. */
    public double oppositeEdgeRatio() {
        return Math.min(ratio(distance(topLeft, topRight), distance(bottomLeft, bottomRight)),
                ratio(distance(topLeft, bottomLeft), distance(topRight, bottomRight)));
    }

    public Point[] corners() {
        return new Point[] {topLeft, topRight, bottomRight, bottomLeft};
    }

    private static double ratio(double a, double b) {
        return Math.min(a, b) / Math.max(a, b);
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}
