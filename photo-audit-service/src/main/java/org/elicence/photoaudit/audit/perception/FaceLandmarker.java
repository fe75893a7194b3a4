package org.elicence.photoaudit.audit.perception;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Point3;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;

/**
 * MediaPipe's 468-point face mesh. The input is MediaPipe's aligned crop: a square 1.5 times the longer side
 * of the face box, centred on it and turned so that the eyes are level, scaled to 192 px (RGB in [0, 1]). The
 * landmarks come back in crop pixels and are mapped to the image through the same transform; z is depth in
 * the same scale (smaller is nearer the camera). A second pass on the square around the first landmarks
 * (their box, their eye line) steadies the result for faces the detector boxed loosely.
 */
public final class FaceLandmarker {

    static final int INPUT = 192;
    static final int POINTS = 468;
    static final double CROP_SCALE = 1.5;
    /** Outer eye corners: the eye line the crop is levelled on once landmarks exist. */
    private static final int RIGHT_EYE_OUTER = 33;
    private static final int LEFT_EYE_OUTER = 263;

    private final TfliteModel model = new TfliteModel("/models/mediapipe/face_landmark.tflite");

    /** Landmarks of the face found by the detector. */
    public FaceLandmarks landmarks(Mat bgr, FaceDetection face) {
        Point right = face.keypoints().get(FaceDetection.RIGHT_EYE);
        Point left = face.keypoints().get(FaceDetection.LEFT_EYE);
        Point centre = new Point(face.box().x + face.box().width / 2, face.box().y + face.box().height / 2);
        double size = CROP_SCALE * Math.max(face.box().width, face.box().height);
        FaceLandmarks first = run(bgr, AffineCrop.rotatedSquare(centre, size, angle(right, left), INPUT));
        return run(bgr, cropAround(first));
    }

    /** MediaPipe's landmarks-to-ROI step: the box of the landmarks in the eye-levelled frame, scaled 1.5. */
    static AffineCrop cropAround(FaceLandmarks landmarks) {
        List<Point3> p = landmarks.points();
        double angle = angle(xy(p.get(RIGHT_EYE_OUTER)), xy(p.get(LEFT_EYE_OUTER)));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (Point3 q : p) {
            double u = q.x * cos + q.y * sin;
            double v = -q.x * sin + q.y * cos;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        double cu = (minU + maxU) / 2;
        double cv = (minV + maxV) / 2;
        Point centre = new Point(cu * cos - cv * sin, cu * sin + cv * cos);
        double size = CROP_SCALE * Math.max(maxU - minU, maxV - minV);
        return AffineCrop.rotatedSquare(centre, size, angle, INPUT);
    }

    private FaceLandmarks run(Mat bgr, AffineCrop crop) {
        Mat input = crop.warp(bgr);
        Mat blob = Dnn.blobFromImage(input, 1 / 255.0, new Size(INPUT, INPUT), new Scalar(0, 0, 0), true, false);
        List<Mat> outputs = model.run(blob);
        float[] mesh = null;
        double presence = Double.NaN;
        for (Mat output : outputs) {
            float[] values = TfliteModel.values(output);
            if (values.length == POINTS * 3) {
                mesh = values;
            } else if (values.length == 1) {
                presence = BlazeFaceDetector.sigmoid(values[0]);
            }
            output.release();
        }
        input.release();
        blob.release();
        if (mesh == null) {
            throw new IllegalStateException("unexpected face landmark outputs");
        }
        double depthScale = crop.imagePixelsPerCropPixel();
        Point3[] points = new Point3[POINTS];
        for (int i = 0; i < POINTS; i++) {
            Point image = crop.toImage(mesh[3 * i], mesh[3 * i + 1]);
            points[i] = new Point3(image.x, image.y, mesh[3 * i + 2] * depthScale);
        }
        return new FaceLandmarks(List.of(points), presence);
    }

    static double angle(Point from, Point to) {
        return Math.atan2(to.y - from.y, to.x - from.x);
    }

    private static Point xy(Point3 p) {
        return new Point(p.x, p.y);
    }
}
