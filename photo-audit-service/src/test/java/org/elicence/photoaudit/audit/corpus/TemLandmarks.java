package org.elicence.photoaudit.audit.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.Point;

/**
 * The Face Research Lab's hand-placed 189-point WebMorph template of one photo, in image pixels. The index
 * groups below were identified by plotting every index on a photo: "image-left" is the viewer's left, i.e.
 * the subject's right side. Placement of every generated object is derived from these points only, so the
 * corpus does not change when the engine under test changes.
 */
public record TemLandmarks(List<Point> points) {

    public static final int PUPIL_IMAGE_LEFT = 0;
    public static final int PUPIL_IMAGE_RIGHT = 1;
    public static final int NOSE_TIP = 55;
    public static final int CHIN = 129;
    public static final int CROWN = 151;
    /** Cheek points below the eyes (lines 164-166 and 167-169): skin without beard or make-up in most faces. */
    public static final int CHEEK_IMAGE_LEFT = 165;
    public static final int CHEEK_IMAGE_RIGHT = 168;
    /** Ear lobe (image-left) to ear lobe (image-right) through the chin. */
    static final int[] JAW = {111, 125, 126, 127, 128, 129, 130, 131, 132, 133, 114};
    /** Top of the ear (image-left) along the forehead hairline to the top of the other ear. */
    static final int[] HAIRLINE = {109, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 112};
    /** Neck (image-left) round the outside of the hair over the crown to the neck (image-right). */
    static final int[] HEAD_OUTLINE = {145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157};
    static final int[] MOUTH_OUTER = {87, 88, 89, 90, 91, 92, 93, 108, 107, 106, 105, 104};
    static final int[] EAR_IMAGE_LEFT = {109, 115, 116, 117, 118, 119, 111, 110, 185};
    static final int[] EAR_IMAGE_RIGHT = {112, 120, 121, 122, 123, 124, 114, 113, 187};
    static final int[] BROWS = range(71, 86);
    static final int[] EYE_IMAGE_LEFT = range(2, 9);
    static final int[] EYE_IMAGE_RIGHT = range(10, 17);

    public TemLandmarks {
        if (points.size() != 189) {
            throw new IllegalArgumentException("expected 189 landmarks, got " + points.size());
        }
        points = List.copyOf(points);
    }

    /** Parses WebMorph .tem text: the point count, then one "x y" line per point (line definitions follow). */
    public static TemLandmarks parse(String tem) {
        String[] lines = tem.split("\\R");
        int count = Integer.parseInt(lines[0].trim());
        List<Point> pts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String[] xy = lines[i].trim().split("\\s+");
            pts.add(new Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
        }
        return new TemLandmarks(pts);
    }

    public Point at(int index) {
        return points.get(index);
    }

    public List<Point> all(int... indices) {
        return Arrays.stream(indices).mapToObj(points::get).toList();
    }

    public Point pupilLeft() {
        return at(PUPIL_IMAGE_LEFT);
    }

    public Point pupilRight() {
        return at(PUPIL_IMAGE_RIGHT);
    }

    public Point eyeCentre() {
        return mid(pupilLeft(), pupilRight());
    }

    public double interPupil() {
        return distance(pupilLeft(), pupilRight());
    }

    /** Roll of the eye line in degrees, positive when the image-right pupil is lower. */
    public double rollDegrees() {
        return Math.toDegrees(Math.atan2(pupilRight().y - pupilLeft().y, pupilRight().x - pupilLeft().x));
    }

    public Point chin() {
        return at(CHIN);
    }

    public Point crown() {
        return at(CROWN);
    }

    /** Centre of the face (half way from the eye line to the chin): the pivot for head rotations. */
    public Point faceCentre() {
        return mid(eyeCentre(), chin());
    }

    /** Mean of the outer lip contour. */
    public Point mouthCentre() {
        return centroid(all(MOUTH_OUTER));
    }

    public double mouthWidth() {
        return distance(at(87), at(93));
    }

    /** Jaw width between the ear lobes: the width of the face proper. */
    public double faceWidth() {
        return distance(at(111), at(114));
    }

    /** Width of the head outline including hair. */
    public double headWidth() {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Point p : all(HEAD_OUTLINE)) {
            min = Math.min(min, p.x);
            max = Math.max(max, p.x);
        }
        return max - min;
    }

    /** Lowest (smallest y) point of the forehead hairline. */
    public double hairlineY() {
        return all(HAIRLINE).stream().mapToDouble(p -> p.y).average().orElseThrow();
    }

    public double browTopY() {
        return all(BROWS).stream().mapToDouble(p -> p.y).min().orElseThrow();
    }

    /** The landmarks mapped through a 2x3 affine transform given as {a, b, c, d, e, f}: x' = ax+by+c, y' = dx+ey+f. */
    public TemLandmarks transformed(double[] m) {
        return new TemLandmarks(points.stream()
                .map(p -> new Point(m[0] * p.x + m[1] * p.y + m[2], m[3] * p.x + m[4] * p.y + m[5])).toList());
    }

    static Point mid(Point a, Point b) {
        return new Point((a.x + b.x) / 2, (a.y + b.y) / 2);
    }

    static double distance(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

    static Point centroid(List<Point> pts) {
        return new Point(pts.stream().mapToDouble(p -> p.x).average().orElseThrow(),
                pts.stream().mapToDouble(p -> p.y).average().orElseThrow());
    }

    private static int[] range(int from, int toInclusive) {
        return java.util.stream.IntStream.rangeClosed(from, toInclusive).toArray();
    }
}
