package org.elicence.photoaudit.audit.perception;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Point;
import org.opencv.core.Rect2d;

/**
 * MediaPipe's weighted non-maximum suppression: candidates are taken by falling score; every remaining
 * candidate that overlaps the best one by more than the threshold (intersection over union) joins it, and the
 * merged face is the score-weighted mean of their boxes and keypoints, keeping the best score.
 */
public final class WeightedNms {

    private WeightedNms() {
    }

    public static List<FaceDetection> apply(List<FaceDetection> candidates, double minIou) {
        List<FaceDetection> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(FaceDetection::score).reversed());
        List<FaceDetection> faces = new ArrayList<>();
        while (!remaining.isEmpty()) {
            FaceDetection best = remaining.get(0);
            List<FaceDetection> cluster = new ArrayList<>();
            List<FaceDetection> rest = new ArrayList<>();
            for (FaceDetection c : remaining) {
                (best.iou(c) > minIou || c == best ? cluster : rest).add(c);
            }
            faces.add(merge(cluster, best.score()));
            remaining = rest;
        }
        return faces;
    }

    private static FaceDetection merge(List<FaceDetection> cluster, double score) {
        double total = 0;
        double x = 0, y = 0, w = 0, h = 0;
        int points = cluster.get(0).keypoints().size();
        double[] kx = new double[points];
        double[] ky = new double[points];
        for (FaceDetection c : cluster) {
            double s = c.score();
            total += s;
            x += c.box().x * s;
            y += c.box().y * s;
            w += c.box().width * s;
            h += c.box().height * s;
            for (int k = 0; k < points; k++) {
                kx[k] += c.keypoints().get(k).x * s;
                ky[k] += c.keypoints().get(k).y * s;
            }
        }
        List<Point> keypoints = new ArrayList<>(points);
        for (int k = 0; k < points; k++) {
            keypoints.add(new Point(kx[k] / total, ky[k] / total));
        }
        return new FaceDetection(new Rect2d(x / total, y / total, w / total, h / total), keypoints, score);
    }
}
