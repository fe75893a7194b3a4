package org.elicence.photoaudit.audit.perception;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * The perception layer: the neural models every audit runs, loaded once (a net per run at once: TfliteModel).
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
     * The faces of the photo, with the landmarks of the face when there is exactly one. The short-range model
     * (fast, for faces that fill a good part of the photo) runs first; only when it finds none does the
     * full-range model look for small faces, so that a face far from the camera is reported as too small rather
     * than as missing. When the short-range model finds more than one face, each is shown to the landmark model,
     * and those whose face-presence score stays below {@code minPresence} are dropped, provided at least one is
     * confirmed: a dark mask can make the detector see a phantom face on the neck below it (the mesh model's
     * presence 0.000 there, 1.000 on every real second face of the corpus). A single detection is never dropped:
     * presence falls on a real face under heavy motion blur (0.01 on one corpus photo), whose fault C4 reports.
     * The mesh is placed once per face: the one that confirmed a face is the one the checks read.
     */
    public FoundFaces faces(Mat bgr, double minScore, double minPresence) {
        List<FaceDetection> faces = detector.detect(bgr, minScore);
        if (faces.size() > 1) {
            return confirmed(bgr, faces, minPresence);
        }
        if (faces.isEmpty()) {
            faces = smallFaces.detect(bgr, minScore);
        }
        return faces.size() == 1 ? FoundFaces.single(faces.get(0), landmarker.landmarks(bgr, faces.get(0)))
                : FoundFaces.withoutMesh(faces);
    }

    private FoundFaces confirmed(Mat bgr, List<FaceDetection> faces, double minPresence) {
        List<FaceDetection> kept = new ArrayList<>();
        FaceLandmarks keptMesh = null;
        for (FaceDetection face : faces) {
            FaceLandmarks mesh = landmarker.landmarks(bgr, face);
            if (mesh.presence() >= minPresence) {
                kept.add(face);
                keptMesh = mesh;
            }
        }
        if (kept.size() == 1) {
            return FoundFaces.single(kept.get(0), keptMesh);
        }
        return FoundFaces.withoutMesh(kept.isEmpty() ? faces : kept);
    }

    public HeadPose pose(FaceLandmarks landmarks, int width, int height) {
        return poses.estimate(landmarks, width, height);
    }

    /** Person probability (CV_32F, 0-1) the size of {@code bgr}. */
    public Mat personProbability(Mat bgr) {
        return segmenter.personProbability(bgr);
    }
}
