package org.elicence.photoaudit.audit.perception;

import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;

/**
 * MediaPipe selfie segmentation: the probability, per pixel, that it belongs to the person (hair, clothes and
 * anything worn included) rather than the background. The photo is letterboxed into the 256 px input (RGB in
 * [0, 1]) and the 256 x 256 map is warped back onto the photo.
 */
public final class PersonSegmenter {

    private static final int INPUT = 256;

    private final TfliteModel model = new TfliteModel("/models/mediapipe/selfie_segmentation.tflite");

    /** Person probability in [0, 1] (CV_32F), the size of {@code bgr}. */
    public Mat personProbability(Mat bgr) {
        AffineCrop letterbox = AffineCrop.letterbox(bgr.cols(), bgr.rows(), INPUT);
        Mat input = letterbox.warp(bgr);
        Mat blob = Dnn.blobFromImage(input, 1 / 255.0, new Size(INPUT, INPUT), new Scalar(0, 0, 0), true, false);
        List<Mat> outputs = model.run(blob);
        input.release();
        blob.release();
        Mat output = outputs.get(0);
        if (output.total() != INPUT * INPUT || output.type() != CvType.CV_32F || !output.isContinuous()) {
            outputs.forEach(Mat::release);
            throw new IllegalStateException("unexpected segmentation output of " + output.total() + " values");
        }
        // the output blob seen as the 256 x 256 map it is, without copying it out and back
        Mat map = output.reshape(1, INPUT);
        try {
            return letterbox.warpBack(map, bgr.size());
        } finally {
            map.release();
            outputs.forEach(Mat::release);
        }
    }
}
