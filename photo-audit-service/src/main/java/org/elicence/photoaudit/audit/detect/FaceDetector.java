package org.elicence.photoaudit.audit.detect;

import java.util.List;
import org.opencv.core.Mat;

/**
 * Finds faces in an 8-bit BGR image. Implementations must be thread-safe: OpenCV detectors are not, so
 * they keep one native detector per thread.
 */
public interface FaceDetector {

    /** Faces in the coordinates of {@code bgr}, largest first. Eyes are filled in when the detector can. */
    List<DetectedFace> detect(Mat bgr);
}
