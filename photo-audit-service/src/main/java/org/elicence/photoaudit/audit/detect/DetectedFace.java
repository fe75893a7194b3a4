package org.elicence.photoaudit.audit.detect;

import java.util.Optional;
import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * A face in working-image coordinates. Eye centres are optional: they come from YuNet landmarks or from
 * the eye cascade, and may be missing (closed eyes, dark lenses, hair).
 *
 * @param leftEye  eye on the left of the IMAGE (the subject's right eye)
 * @param rightEye eye on the right of the image
 */
public record DetectedFace(Rect box, Optional<Point> leftEye, Optional<Point> rightEye) {

    public boolean hasBothEyes() {
        return leftEye.isPresent() && rightEye.isPresent();
    }

    public DetectedFace withEyes(Optional<Point> left, Optional<Point> right) {
        return new DetectedFace(box, left, right);
    }
}
