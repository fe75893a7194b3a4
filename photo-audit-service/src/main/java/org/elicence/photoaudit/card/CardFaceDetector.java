package org.elicence.photoaudit.card;

import java.util.Comparator;
import java.util.List;

import org.elicence.photoaudit.audit.perception.BlazeFaceDetector;
import org.elicence.photoaudit.audit.perception.FaceDetection;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Faces printed on a rectified card side, found by MediaPipe's short-range face detector: the model the portrait
 * audit runs ({@code audit/perception}), so photo-audit-service has one way of finding a face. It finds a face
 * printed upside down as well (scores up to 0.96 on the corpus fronts turned half a turn, with its keypoints placed
 * as on an upright face), so it does not tell which way up a card is: {@link PortraitChecks} does, from where the
 * portrait lies.
 */
final class CardFaceDetector {

    private final BlazeFaceDetector detector = BlazeFaceDetector.shortRange();
    private final double minScore;

    CardFaceDetector(double minScore) {
        this.minScore = minScore;
    }

    /**
     * Faces scoring at least the configured score, largest first. Safe for concurrent use (a net is lent to one run
     * at a time).
     */
    List<Rect> faces(Mat card) {
        return detector.detect(card, minScore).stream()
                .map(face -> inside(face, card))
                .filter(box -> box.area() > 0)
                .sorted(Comparator.comparingDouble(Rect::area).reversed())
                .toList();
    }

    /** The detector's box cut to the card: a box may reach past the edge of the image it was found in. */
    private static Rect inside(FaceDetection face, Mat card) {
        int x0 = (int) Math.max(0, Math.round(face.box().x));
        int y0 = (int) Math.max(0, Math.round(face.box().y));
        int x1 = (int) Math.min(card.cols(), Math.round(face.box().x + face.box().width));
        int y1 = (int) Math.min(card.rows(), Math.round(face.box().y + face.box().height));
        return new Rect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
