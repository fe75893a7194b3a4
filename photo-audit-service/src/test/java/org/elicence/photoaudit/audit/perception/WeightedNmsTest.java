package org.elicence.photoaudit.audit.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Point;
import org.opencv.core.Rect2d;

class WeightedNmsTest {

    private static FaceDetection face(double x, double y, double size, double score) {
        return new FaceDetection(new Rect2d(x, y, size, size), List.of(new Point(x, y), new Point(x + size, y)), score);
    }

    @Test
    void overlappingBoxesMergeIntoTheirScoreWeightedMean() {
        List<FaceDetection> merged = WeightedNms.apply(List.of(face(10, 10, 100, 0.9), face(20, 10, 100, 0.3)), 0.3);
        assertEquals(1, merged.size());
        FaceDetection only = merged.get(0);
        assertEquals(0.9, only.score(), 1e-9);
        assertEquals((10 * 0.9 + 20 * 0.3) / 1.2, only.box().x, 1e-9);
        assertEquals(100, only.box().width, 1e-9);
        assertEquals((110 * 0.9 + 120 * 0.3) / 1.2, only.keypoints().get(1).x, 1e-9);
    }

    @Test
    void separateFacesStaySeparateBestFirst() {
        List<FaceDetection> faces = WeightedNms.apply(List.of(face(0, 0, 50, 0.6), face(200, 0, 50, 0.8),
                face(5, 0, 50, 0.7)), 0.3);
        assertEquals(2, faces.size());
        assertEquals(0.8, faces.get(0).score(), 1e-9);
        assertEquals(0.7, faces.get(1).score(), 1e-9);
    }

    @Test
    void intersectionOverUnion() {
        assertEquals(1.0 / 3, face(0, 0, 10, 1).iou(face(5, 0, 10, 1)), 1e-9);
        assertEquals(0, face(0, 0, 10, 1).iou(face(20, 0, 10, 1)), 1e-9);
    }
}
