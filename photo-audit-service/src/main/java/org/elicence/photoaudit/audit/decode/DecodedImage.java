package org.elicence.photoaudit.audit.decode;

import org.opencv.core.Mat;

/**
 * A decoded upload: 8-bit BGR at full resolution, EXIF orientation already applied.
 *
 * @param format            "jpeg", "png", ... as reported by the header sniffing
 * @param sourceChannelInfo what the file contained before normalisation (e.g. "greyscale", "cmyk", "16-bit")
 */
public record DecodedImage(Mat bgr, String format, String sourceChannelInfo) {

    public boolean isJpeg() {
        return "jpeg".equals(format);
    }
}
