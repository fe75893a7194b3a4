package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
 * C4: variance of the second derivative over the face, resampled to a fixed width so that the value does not
 * depend on the upload resolution (a small, upscaled face is as blurred as a defocused one). The weaker of the
 * horizontal and vertical derivative counts: motion blur removes detail in one direction only.
 */
public final class SharpnessCheck extends BaseCheck {

    @ConfigMapping(prefix = "photo-audit.c4-sharpness")
    public interface Settings {
        /**
         * Minimum variance of the 2nd derivative (weaker of x and y) of the face resampled to 128 px wide, over
         * the variance of the face's grey levels.
         */
        @WithDefault("0.15")
        double minVariance();
    }

    static final int NORMALISED_FACE_WIDTH = 128;
    private static final Guidance STEADY = new Guidance("照片模糊：请保持相机稳定、对准脸部对焦，并在光线充足处拍摄",
            "The photo is blurred: hold the camera steady, focus on your face and use more light");

    private final Settings settings;

    public SharpnessCheck(Settings settings) {
        super("C4", "SHARPNESS", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        Mat face = a.grey().submat(Regions.clip(a.requireFace().faceBox(), a.grey()));
        double variance = secondDerivativeVariance(face);
        return Results.atLeast(rule(), "SHARP", "IMAGE_BLURRED", variance, settings.minVariance(),
                "2nd-derivative variance / grey variance (weaker axis)", STEADY);
    }

    static double secondDerivativeVariance(Mat greyFace) {
        Mat resized = new Mat();
        double f = NORMALISED_FACE_WIDTH / (double) Math.max(1, greyFace.cols());
        Imgproc.resize(greyFace, resized, new Size(NORMALISED_FACE_WIDTH, Math.max(1, Math.round(greyFace.rows() * f))),
                0, 0, f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        double horizontal = variance(resized, 2, 0);
        double vertical = variance(resized, 0, 2);
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        Core.meanStdDev(resized, mean, std);
        resized.release();
        // per unit of the face's own contrast: a dark or flat photo is not a blurred one
        double contrast = Math.max(1, std.get(0, 0)[0]);
        return Math.min(horizontal, vertical) / (contrast * contrast);
    }

    private static double variance(Mat grey, int dx, int dy) {
        Mat derivative = new Mat();
        Imgproc.Sobel(grey, derivative, CvType.CV_64F, dx, dy, 3);
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        Core.meanStdDev(derivative, mean, std);
        derivative.release();
        return std.get(0, 0)[0] * std.get(0, 0)[0];
    }
}
