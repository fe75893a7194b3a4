package org.elicence.photoaudit.audit.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.objdetect.FaceDetectorYN;

/**
 * Optional CNN detector (OpenCV Zoo YuNet ONNX model, e.g. face_detection_yunet_2023mar.onnx), used when
 * photo-audit.detection.yunet-model-path is set. It gives five landmarks, of which the eyes are used.
 * Not exercised by the test-suite (no model is redistributable from the registries we use).
 */
public final class YuNetFaceDetector implements FaceDetector {

    private final ThreadLocal<FaceDetectorYN> detector;

    public YuNetFaceDetector(String modelPath) {
        if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(modelPath))) {
            throw new IllegalStateException("Photo audit cannot start: YuNet model " + modelPath + " is not readable");
        }
        this.detector = ThreadLocal.withInitial(() -> FaceDetectorYN.create(modelPath, "", new Size(320, 320), 0.6f, 0.3f, 50));
        detector.get();
    }

    @Override
    public List<DetectedFace> detect(Mat bgr, Mat grey) {
        FaceDetectorYN yn = detector.get();
        yn.setInputSize(new Size(bgr.cols(), bgr.rows()));
        Mat rows = new Mat();
        yn.detect(bgr, rows);
        List<DetectedFace> faces = new ArrayList<>();
        for (int i = 0; i < rows.rows(); i++) {
            float[] v = new float[15];
            rows.get(i, 0, v);
            // YuNet order: box x,y,w,h, right eye (image left), left eye (image right), nose, mouth corners, score
            faces.add(new DetectedFace(new Rect((int) v[0], (int) v[1], (int) v[2], (int) v[3]),
                    Optional.of(new Point(v[4], v[5])), Optional.of(new Point(v[6], v[7]))));
        }
        rows.release();
        faces.sort(Comparator.comparingInt((DetectedFace f) -> f.box().width).reversed());
        return faces;
    }
}
