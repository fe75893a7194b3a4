package org.elicence.photoaudit.audit.perception;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect2d;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;

/**
 * MediaPipe face detection (BlazeFace). The whole image is letterboxed into the model's square input (RGB
 * scaled to [-1, 1]); each anchor's regression is decoded into a box and six keypoints, scored with a sigmoid,
 * and overlapping boxes are merged by weighted non-maximum suppression. Two variants: short range (128 px
 * input, faces filling much of the photo) and full range (192 px, faces down to a few percent of the image).
 */
public final class BlazeFaceDetector {

    private static final int KEYPOINTS = 6;
    private static final double NMS_MIN_IOU = 0.3;

    private final TfliteModel model;
    private final int inputSize;
    private final double[] anchors;

    private BlazeFaceDetector(String resource, int inputSize, int[] strides, boolean interpolatedScale) {
        this.model = new TfliteModel(resource);
        this.inputSize = inputSize;
        this.anchors = SsdAnchors.centres(inputSize, strides, interpolatedScale, 0.5);
    }

    public static BlazeFaceDetector shortRange() {
        return new BlazeFaceDetector("/models/mediapipe/face_detection_short_range.tflite", 128,
                new int[] {8, 16, 16, 16}, true);
    }

    public static BlazeFaceDetector fullRange() {
        return new BlazeFaceDetector("/models/mediapipe/face_detection_full_range.tflite", 192, new int[] {4}, false);
    }

    /** Faces scoring at least {@code minScore}, in pixels of {@code bgr}, best first. */
    public List<FaceDetection> detect(Mat bgr, double minScore) {
        AffineCrop letterbox = AffineCrop.letterbox(bgr.cols(), bgr.rows(), inputSize);
        Mat input = letterbox.warp(bgr);
        Mat blob = Dnn.blobFromImage(input, 1 / 127.5, new Size(inputSize, inputSize),
                new Scalar(127.5, 127.5, 127.5), true, false);
        List<Mat> outputs = model.run(blob);
        float[] regressors = null;
        float[] scores = null;
        for (Mat output : outputs) {
            float[] values = TfliteModel.values(output);
            if (values.length == anchors.length / 2 * 16) {
                regressors = values;
            } else if (values.length == anchors.length / 2) {
                scores = values;
            }
            output.release();
        }
        input.release();
        blob.release();
        if (regressors == null || scores == null) {
            throw new IllegalStateException("unexpected face detector outputs");
        }
        return WeightedNms.apply(decode(regressors, scores, minScore, letterbox), NMS_MIN_IOU);
    }

    /** Decodes the anchors whose score reaches {@code minScore} (MediaPipe's TensorsToDetections, fixed anchor size). */
    List<FaceDetection> decode(float[] regressors, float[] logits, double minScore, AffineCrop letterbox) {
        List<FaceDetection> found = new ArrayList<>();
        for (int i = 0; i < logits.length; i++) {
            double score = sigmoid(logits[i]);
            if (score < minScore) {
                continue;
            }
            int r = i * 16;
            double ax = anchors[2 * i] * inputSize;
            double ay = anchors[2 * i + 1] * inputSize;
            double cx = ax + regressors[r];
            double cy = ay + regressors[r + 1];
            double w = regressors[r + 2];
            double h = regressors[r + 3];
            Point topLeft = letterbox.toImage(cx - w / 2, cy - h / 2);
            Point bottomRight = letterbox.toImage(cx + w / 2, cy + h / 2);
            List<Point> keypoints = new ArrayList<>(KEYPOINTS);
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints.add(letterbox.toImage(ax + regressors[r + 4 + 2 * k], ay + regressors[r + 5 + 2 * k]));
            }
            found.add(new FaceDetection(new Rect2d(topLeft, bottomRight), keypoints, score));
        }
        return found;
    }

    static double sigmoid(double logit) {
        double clipped = Math.max(-100, Math.min(100, logit));
        return 1 / (1 + Math.exp(-clipped));
    }
}
