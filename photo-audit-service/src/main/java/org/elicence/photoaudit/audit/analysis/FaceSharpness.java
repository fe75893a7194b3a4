package org.elicence.photoaudit.audit.analysis;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Sharpness of the face: variance of the second derivative, resampled to a fixed width so that the value does not
 * depend on the upload resolution (a small, upscaled face is as blurred as a defocused one). The weaker of the
 * horizontal and vertical derivative counts: motion blur removes detail in one direction only. C4 judges it; R10's
 * sclera measure needs it too, so {@link PhotoAnalysis#faceSharpness()} computes it once per photo.
 */
final class FaceSharpness {

    static final int NORMALISED_FACE_WIDTH = 128;

    private FaceSharpness() {
    }

    static double secondDerivativeVariance(Mat greyFace) {
        Mat resized = new Mat();
        double f = NORMALISED_FACE_WIDTH / (double) Math.max(1, greyFace.cols());
        Imgproc.resize(greyFace, resized, new Size(NORMALISED_FACE_WIDTH, Math.max(1, Math.round(greyFace.rows() * f))),
                0, 0, f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        double horizontal = variance(resized, 2, 0);
        double vertical = variance(resized, 0, 2);
        double contrast = Math.max(1, standardDeviation(resized));
        resized.release();
        // per unit of the face's own contrast: a dark or flat photo is not a blurred one
        return Math.min(horizontal, vertical) / (contrast * contrast);
    }

    private static double variance(Mat grey, int dx, int dy) {
        Mat derivative = new Mat();
        Imgproc.Sobel(grey, derivative, CvType.CV_64F, dx, dy, 3);
        double std = standardDeviation(derivative);
        derivative.release();
        return std * std;
    }

    private static double standardDeviation(Mat singleChannel) {
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        Core.meanStdDev(singleChannel, mean, std);
        double value = std.get(0, 0)[0];
        mean.release();
        std.release();
        return value;
    }
}
