package org.elicence.photoaudit.audit.detect;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Finds faces in an 8-bit BGR image. Implementations must be thread-safe: OpenCV detectors are not, so
 * they keep one native detector per thread.
 */
public interface FaceDetector {

    /**
     * Faces in the coordinates of {@code bgr}, largest first. Eyes are filled in when the detector can.
     *
     * @param grey the grey version of {@code bgr} (same size), shared so it is not converted again
     */
    List<DetectedFace> detect(Mat bgr, Mat grey);

    /** Convenience for callers without a grey copy (tools, tests). */
    default List<DetectedFace> detect(Mat bgr) {
        Mat grey = new Mat();
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        try {
            return detect(bgr, grey);
        } finally {
            grey.release();
        }
    }
}
