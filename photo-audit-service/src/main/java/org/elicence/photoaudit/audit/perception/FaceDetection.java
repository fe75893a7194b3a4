package org.elicence.photoaudit.audit.perception;

import java.util.List;
import org.opencv.core.Point;
import org.opencv.core.Rect2d;

/**
 * One face found by the detector, in image pixels. Keypoints in the model's order: the subject's right eye
 * (left in the image), left eye, nose tip, mouth centre, right ear tragion, left ear tragion.
 */
public record FaceDetection(Rect2d box, List<Point> keypoints, double score) {

    public static final int RIGHT_EYE = 0;
    public static final int LEFT_EYE = 1;

    public FaceDetection {
        keypoints = List.copyOf(keypoints);
    }

    public double area() {
        return box.width * box.height;
    }

    /** Intersection over union of two boxes. */
    public double iou(FaceDetection other) {
        double x0 = Math.max(box.x, other.box.x);
        double y0 = Math.max(box.y, other.box.y);
        double x1 = Math.min(box.x + box.width, other.box.x + other.box.width);
        double y1 = Math.min(box.y + box.height, other.box.y + other.box.height);
        double inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        double union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
