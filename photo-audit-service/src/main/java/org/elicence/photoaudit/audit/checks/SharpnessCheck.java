package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * C4: variance of the Laplacian of the face, resampled to a fixed width so that the value does not depend
 * on the upload resolution (a small, upscaled face is as blurred as a defocused one).
 */
public final class SharpnessCheck extends BaseCheck {

    static final int NORMALISED_FACE_WIDTH = 128;
    private static final Guidance STEADY = new Guidance("照片模糊：请保持相机稳定、对准脸部对焦，并在光线充足处拍摄",
            "The photo is blurred: hold the camera steady, focus on your face and use more light");

    public SharpnessCheck() {
        super("C4", "SHARPNESS", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        double variance = laplacianVariance(a.grey().submat(Regions.clip(a.requireFace().box(), a.grey())));
        return Results.atLeast(rule(), "SHARP", "IMAGE_BLURRED", variance, a.config().sharpness().minLaplacianVariance(),
                "min directional 2nd-derivative variance", STEADY);
    }

    static double laplacianVariance(Mat greyFace) {
        Mat resized = new Mat();
        double f = NORMALISED_FACE_WIDTH / (double) greyFace.cols();
        Imgproc.resize(greyFace, resized, new Size(NORMALISED_FACE_WIDTH, Math.max(1, Math.round(greyFace.rows() * f))), 0, 0,
                f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        // second derivative along x and along y separately: motion blur removes detail in one direction
        // only, which an isotropic Laplacian would average away
        double horizontal = secondDerivativeVariance(resized, 2, 0);
        double vertical = secondDerivativeVariance(resized, 0, 2);
        resized.release();
        return Math.min(horizontal, vertical);
    }

    private static double secondDerivativeVariance(Mat grey, int dx, int dy) {
        Mat derivative = new Mat();
        Imgproc.Sobel(grey, derivative, CvType.CV_64F, dx, dy, 3);
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        Core.meanStdDev(derivative, mean, std);
        derivative.release();
        return std.get(0, 0)[0] * std.get(0, 0)[0];
    }
}
