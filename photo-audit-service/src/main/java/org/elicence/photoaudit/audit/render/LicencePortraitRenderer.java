package org.elicence.photoaudit.audit.render;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Rect2d;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Cuts the licence portrait from the FULL-resolution photo. The background is cleaned to pure white only
 * where the segmentation says background AND the pixel is near-white already (L* >= 85, chroma <= 8); any other
 * pixel is left as photographed, so the cleaning can never hide a coloured wall, a shadow or a white shirt.
 */
public final class LicencePortraitRenderer {

    /**
     * Background cleaned to white: already near-white, at least this L* and at most {@link #NEUTRAL_CHROMA}. A
     * light-grey wall (L* 75-84) passes R2 but is left as photographed: painted white, it would leave a white
     * T-shirt against a white background, which R8 refuses.
     */
    static final double LIGHT_BACKGROUND = 85;
    static final double NEUTRAL_CHROMA = 8;

    private final AuditConfig.Portrait config;

    public LicencePortraitRenderer(AuditConfig.Portrait config) {
        this.config = config;
    }

    public byte[] render(PhotoAnalysis a) {
        Rect2d exact = LicenceCrop.inWorkingImage(a.requireFace(), config, a.work().cols(), a.work().rows());
        Rect workCrop = new Rect((int) Math.round(exact.x), (int) Math.round(exact.y), (int) Math.round(exact.width),
                (int) Math.round(exact.height));
        double toOriginal = 1 / a.scale();
        Rect crop = new Rect((int) Math.round(workCrop.x * toOriginal), (int) Math.round(workCrop.y * toOriginal),
                (int) Math.round(workCrop.width * toOriginal), (int) Math.round(workCrop.height * toOriginal));
        Size size = new Size(config.width(), config.height());
        Mat portrait = cutAndResize(a.original().bgr(), crop, size, Core.BORDER_REPLICATE);
        Mat person = cutAndResize(a.person().probability(), workCrop, size, Core.BORDER_REPLICATE);
        whitenLightNeutralBackground(portrait, person);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", portrait, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, config.jpegQuality()));
        portrait.release();
        person.release();
        byte[] bytes = jpeg.toArray();
        jpeg.release();
        return bytes;
    }

    /**
     * Crops (padding beyond the edges by replicating the border) and resizes to {@code size}. Only the part of
     * the crop inside the image is copied and padded: padding the whole full-resolution photo would copy
     * megabytes for a crop that usually lies inside it.
     */
    static Mat cutAndResize(Mat source, Rect crop, Size size, int border) {
        int x0 = Math.max(0, Math.min(source.cols() - 1, crop.x));
        int y0 = Math.max(0, Math.min(source.rows() - 1, crop.y));
        int x1 = Math.max(x0 + 1, Math.min(source.cols(), crop.x + crop.width));
        int y1 = Math.max(y0 + 1, Math.min(source.rows(), crop.y + crop.height));
        Mat inside = source.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
        int padLeft = x0 - crop.x;
        int padTop = y0 - crop.y;
        int padRight = crop.x + crop.width - x1;
        int padBottom = crop.y + crop.height - y1;
        Mat out = new Mat();
        if (padLeft == 0 && padTop == 0 && padRight == 0 && padBottom == 0) {
            Imgproc.resize(inside, out, size, 0, 0, Imgproc.INTER_AREA);
        } else {
            Mat padded = new Mat();
            Core.copyMakeBorder(inside, padded, Math.max(0, padTop), Math.max(0, padBottom), Math.max(0, padLeft),
                    Math.max(0, padRight), border);
            Imgproc.resize(padded, out, size, 0, 0, Imgproc.INTER_AREA);
            padded.release();
        }
        inside.release();
        return out;
    }

    /**
     * Blends towards white by how surely a pixel is background (1 - person probability, a soft edge around hair),
     * but only pixels that are near-white already: a coloured or grey wall or a shadow is never painted over.
     */
    private static void whitenLightNeutralBackground(Mat portrait, Mat personProbability) {
        Mat lab = new Mat();
        Imgproc.cvtColor(portrait, lab, Imgproc.COLOR_BGR2Lab);
        double lMin = LIGHT_BACKGROUND * 255 / 100;
        Mat light = new Mat();
        Core.inRange(lab, new Scalar(lMin, 128 - NEUTRAL_CHROMA, 128 - NEUTRAL_CHROMA),
                new Scalar(255, 128 + NEUTRAL_CHROMA, 128 + NEUTRAL_CHROMA), light);
        Mat alpha = new Mat();
        Core.subtract(new Mat(personProbability.size(), CvType.CV_32F, new Scalar(1)), personProbability, alpha);
        Mat lightAlpha = new Mat();
        light.convertTo(lightAlpha, CvType.CV_32F, 1 / 255.0);
        Imgproc.GaussianBlur(lightAlpha, lightAlpha, new Size(5, 5), 0);
        Core.multiply(alpha, lightAlpha, alpha);
        Mat photo = new Mat();
        portrait.convertTo(photo, CvType.CV_32FC3);
        Mat alpha3 = new Mat();
        Imgproc.cvtColor(alpha, alpha3, Imgproc.COLOR_GRAY2BGR);
        Mat inverse = new Mat();
        Core.subtract(new Mat(photo.size(), CvType.CV_32FC3, new Scalar(1, 1, 1)), alpha3, inverse);
        Core.multiply(photo, inverse, photo);
        Mat white = new Mat();
        Core.multiply(alpha3, new Scalar(255, 255, 255), white);
        Core.add(photo, white, photo);
        photo.convertTo(portrait, CvType.CV_8UC3);
        for (Mat m : new Mat[] {lab, light, alpha, lightAlpha, photo, alpha3, inverse, white}) {
            m.release();
        }
    }
}
