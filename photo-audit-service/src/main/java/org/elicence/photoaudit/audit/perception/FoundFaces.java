package org.elicence.photoaudit.audit.perception;

import java.util.List;
import java.util.Optional;

/**
 * The faces found in a photo and, when there is exactly one, its landmarks: the mesh every check reads. A photo
 * with none or several faces gets no mesh (C1 reports it, and no other check runs on it).
 */
public record FoundFaces(List<FaceDetection> detections, Optional<FaceLandmarks> singleFaceLandmarks) {

    public FoundFaces {
        detections = List.copyOf(detections);
        if (singleFaceLandmarks.isPresent() && detections.size() != 1) {
            throw new IllegalArgumentException("landmarks belong to a photo of exactly one face");
        }
    }

    static FoundFaces single(FaceDetection face, FaceLandmarks landmarks) {
        return new FoundFaces(List.of(face), Optional.of(landmarks));
    }

    static FoundFaces withoutMesh(List<FaceDetection> faces) {
        return new FoundFaces(faces, Optional.empty());
    }
}
