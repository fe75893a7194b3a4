package org.elicence.photoaudit.audit.perception;

import java.util.List;
import org.opencv.core.Point;
import org.opencv.core.Point3;

/**
 * The 468 face-mesh landmarks in image pixels (MediaPipe's canonical numbering) and the model's face-presence
 * probability. Named index groups are MediaPipe's face-mesh connections.
 */
public record FaceLandmarks(List<Point3> points, double presence) {

    /** Face outline, clockwise from the top of the forehead. */
    public static final int[] FACE_OVAL = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379,
            378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};
    /** The subject's right eye (left in the image), its contour. */
    public static final int[] RIGHT_EYE = {33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246};
    public static final int[] LEFT_EYE = {263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388,
            466};
    public static final int[] RIGHT_BROW = {70, 63, 105, 66, 107, 55, 65, 52, 53, 46};
    public static final int[] LEFT_BROW = {300, 293, 334, 296, 336, 285, 295, 282, 283, 276};
    public static final int[] LIPS_INNER = {78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14,
            87, 178, 88, 95};
    public static final int[] LIPS_OUTER = {61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17,
            84, 181, 91, 146};

    public static final int FOREHEAD_TOP = 10;
    public static final int CHIN = 152;
    public static final int NOSE_TIP = 1;
    public static final int RIGHT_FACE_EDGE = 234;
    public static final int LEFT_FACE_EDGE = 454;
    /** The face outline beside the subject's right cheek, from the widest point down to the jaw angle. */
    public static final int[] RIGHT_CHEEK_OUTLINE = {234, 93, 132, 58, 172};
    /** The same beside the left cheek. */
    public static final int[] LEFT_CHEEK_OUTLINE = {454, 323, 361, 288, 397};
    public static final int RIGHT_EYE_OUTER = 33;
    public static final int RIGHT_EYE_INNER = 133;
    public static final int LEFT_EYE_OUTER = 263;
    public static final int LEFT_EYE_INNER = 362;
    public static final int RIGHT_EYE_UPPER_LID = 159;
    public static final int RIGHT_EYE_LOWER_LID = 145;
    public static final int LEFT_EYE_UPPER_LID = 386;
    public static final int LEFT_EYE_LOWER_LID = 374;
    public static final int UPPER_LIP_INNER = 13;
    public static final int LOWER_LIP_INNER = 14;
    public static final int UPPER_LIP_OUTER = 0;
    public static final int LOWER_LIP_OUTER = 17;
    public static final int MOUTH_RIGHT = 61;
    public static final int MOUTH_LEFT = 291;

    public FaceLandmarks {
        points = List.copyOf(points);
    }

    public Point xy(int index) {
        Point3 p = points.get(index);
        return new Point(p.x, p.y);
    }

    /** Mean of the given landmarks. */
    public Point centre(int[] indices) {
        double x = 0;
        double y = 0;
        for (int i : indices) {
            x += points.get(i).x;
            y += points.get(i).y;
        }
        return new Point(x / indices.length, y / indices.length);
    }

    public Point[] polygon(int[] indices) {
        Point[] polygon = new Point[indices.length];
        for (int i = 0; i < indices.length; i++) {
            polygon[i] = xy(indices[i]);
        }
        return polygon;
    }

    public double distance(int i, int j) {
        Point a = xy(i);
        Point b = xy(j);
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}
