package org.elicence.photoaudit.audit.perception;

import java.util.List;
import org.opencv.core.Mat;

/**
 * The perception layer: the neural models every audit runs, loaded once (each thread gets its own nets).
 * Detection finds the faces (BlazeFace short range, full range for small faces); for the one face, the landmarker places the mesh and the pose is fitted; the
 * segmenter separates the person from the background.
 */
public final class FacePerception {

    private final BlazeFaceDetector detector = BlazeFaceDetector.shortRange();
    private final BlazeFaceDetector smallFaces = BlazeFaceDetector.fullRange();
    private final FaceLandmarker landmarker = new FaceLandmarker();
    private final PersonSegmenter segmenter = new PersonSegmenter();
    private final HeadPoseEstimator poses = new HeadPoseEstimator();

    /**
     * The faces of the photo. The short-range model (fast, for faces that fill a good part of the photo) runs
     * first; only when it finds none does the full-range model look for small faces, so that a face far from
     * the camera is reported as too small rather than as missing.
     */
    public List<FaceDetection> faces(Mat bgr, double minScore) {
        List<FaceDetection> faces = detector.detect(bgr, minScore);
        return faces.isEmpty() ? smallFaces.detect(bgr, minScore) : faces;
    }

    public FaceLandmarks landmarks(Mat bgr, FaceDetection face) {
        return landmarker.landmarks(bgr, face);
    }

    public HeadPose pose(FaceLandmarks landmarks, int width, int height) {
        return poses.estimate(landmarks, width, height);
    }

    /** Person probability (CV_32F, 0-1) the size of {@code bgr}. */
    public Mat personProbability(Mat bgr) {
        return segmenter.personProbability(bgr);
    }
}
