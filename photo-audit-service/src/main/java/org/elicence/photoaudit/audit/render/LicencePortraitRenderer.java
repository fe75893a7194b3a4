package org.elicence.photoaudit.audit.render;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Cuts the licence portrait from the FULL-resolution photo. The background is cleaned to pure white only
 * where it was already near-white (light and neutral); any other pixel is left as photographed, so the
 * cleaning can never hide a coloured wall or a shadow.
 */
public final class LicencePortraitRenderer {

    /** Near-white: L* at least this and chroma at most {@link #NEAR_WHITE_CHROMA}. */
    static final double NEAR_WHITE_LIGHTNESS = 85;
    static final double NEAR_WHITE_CHROMA = 8;

    private final AuditConfig.Portrait config;

    public LicencePortraitRenderer(AuditConfig.Portrait config) {
        this.config = config;
    }

    public byte[] render(PhotoAnalysis a) {
        Rect workCrop = LicenceCrop.inWorkingImage(a.head(), config);
        double toOriginal = 1 / a.scale();
        Rect crop = new Rect((int) Math.round(workCrop.x * toOriginal), (int) Math.round(workCrop.y * toOriginal),
                (int) Math.round(workCrop.width * toOriginal), (int) Math.round(workCrop.height * toOriginal));
        Size size = new Size(config.width(), config.height());
        Mat portrait = cutAndResize(a.original().bgr(), crop, size, Core.BORDER_REPLICATE);
        Mat background = a.background().backgroundMask();
        Mat mask = cutAndResize(background, workCrop, size, Core.BORDER_REPLICATE);
        background.release();
        whitenNearWhiteBackground(portrait, mask);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", portrait, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, config.jpegQuality()));
        portrait.release();
        mask.release();
        return jpeg.toArray();
    }

    /** Crops (padding beyond the edges by replicating the border) and resizes to {@code size}. */
    static Mat cutAndResize(Mat source, Rect crop, Size size, int border) {
        int padLeft = Math.max(0, -crop.x);
        int padTop = Math.max(0, -crop.y);
        int padRight = Math.max(0, crop.x + crop.width - source.cols());
        int padBottom = Math.max(0, crop.y + crop.height - source.rows());
        Mat padded = new Mat();
        Core.copyMakeBorder(source, padded, padTop, padBottom, padLeft, padRight, border);
        Mat cut = padded.submat(new Rect(crop.x + padLeft, crop.y + padTop, crop.width, crop.height));
        Mat out = new Mat();
        Imgproc.resize(cut, out, size, 0, 0, Imgproc.INTER_AREA);
        padded.release();
        return out;
    }

    private static void whitenNearWhiteBackground(Mat portrait, Mat backgroundMask) {
        Mat lab = new Mat();
        Imgproc.cvtColor(portrait, lab, Imgproc.COLOR_BGR2Lab);
        double lMin = NEAR_WHITE_LIGHTNESS * 255 / 100;
        Mat nearWhite = new Mat();
        Core.inRange(lab, new Scalar(lMin, 128 - NEAR_WHITE_CHROMA, 128 - NEAR_WHITE_CHROMA),
                new Scalar(255, 128 + NEAR_WHITE_CHROMA, 128 + NEAR_WHITE_CHROMA), nearWhite);
        Core.bitwise_and(nearWhite, backgroundMask, nearWhite);
        // feather the edge so hair does not get a hard white cut-out
        Mat alpha = new Mat();
        nearWhite.convertTo(alpha, CvType.CV_32F, 1 / 255.0);
        Imgproc.GaussianBlur(alpha, alpha, new Size(5, 5), 0);
        Mat photo = new Mat();
        portrait.convertTo(photo, CvType.CV_32FC3);
        Mat alpha3 = new Mat();
        Imgproc.cvtColor(alpha, alpha3, Imgproc.COLOR_GRAY2BGR);
        Mat white = new Mat(photo.size(), CvType.CV_32FC3, new Scalar(255, 255, 255));
        Mat inverse = new Mat();
        Core.subtract(new Mat(photo.size(), CvType.CV_32FC3, new Scalar(1, 1, 1)), alpha3, inverse);
        Core.multiply(photo, inverse, photo);
        Core.multiply(white, alpha3, white);
        Core.add(photo, white, photo);
        photo.convertTo(portrait, CvType.CV_8UC3);
        for (Mat m : new Mat[] {lab, nearWhite, alpha, photo, alpha3, white, inverse}) {
            m.release();
        }
    }
}
