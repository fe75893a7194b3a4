package org.elicence.photoaudit.audit.decode;

import org.opencv.core.Mat;

/**
 * A decoded upload: 8-bit BGR, EXIF orientation already applied, at full resolution or, for a large JPEG, at
 * a fraction of it decoded directly by the JPEG decoder ({@link ImageDecoder}).
 *
 * @param format            "jpeg", "png", ... as reported by the header sniffing
 * @param sourceChannelInfo what the file contained before normalisation (e.g. "greyscale", "cmyk", "16-bit")
 * @param reduction         original pixels per decoded pixel along each side: 1 (full resolution) or 2
 */
public record DecodedImage(Mat bgr, String format, String sourceChannelInfo, int reduction) {

    public boolean isJpeg() {
        return "jpeg".equals(format);
    }

    public boolean isReduced() {
        return reduction > 1;
    }
}
