package org.elicence.messaging.image;

import java.util.Optional;

/**
 * What the header of an uploaded JPEG or PNG says, read before any pixel is decoded: its format, its width and
 * height, and where the image ends. A JPEG ends at its EOI marker after the scan data, a PNG after its IEND chunk;
 * bytes after that end (phones append motion-photo videos or vendor trailers) are not part of the image.
 * {@code end} is -1 when the file stops before its end: it is truncated. Shared (issue 14) so that the card path
 * (idcard-service) and the photo path (photo-audit-service) find an image's end, and treat the bytes after it, alike.
 */
public record UploadedImageHeader(String format, int width, int height, int end) {

    public boolean truncated() {
        return end < 0;
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The header of a JPEG or PNG file; empty for anything else or a header that makes no sense. */
    public static Optional<UploadedImageHeader> read(byte[] b) {
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return png(b);
        }
        if (b.length > 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return jpeg(b);
        }
        return Optional.empty();
    }

    private static Optional<UploadedImageHeader> png(byte[] b) {
        if (b.length < 33 || !"IHDR".equals(new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        int width = int32(b, 16);
        int height = int32(b, 20);
        int end = -1;
        long at = 8;
        while (at + 12 <= b.length) {
            long length = int32(b, (int) at) & 0xFFFFFFFFL;
            boolean iend = b[(int) at + 4] == 'I' && b[(int) at + 5] == 'E' && b[(int) at + 6] == 'N'
                    && b[(int) at + 7] == 'D';
            at += 12 + length;
            if (iend && at <= b.length) {
                end = (int) at;
                break;
            }
        }
        return width > 0 && height > 0 ? Optional.of(new UploadedImageHeader("png", width, height, end))
                : Optional.empty();
    }

    private static Optional<UploadedImageHeader> jpeg(byte[] b) {
        int width = -1;
        int height = -1;
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            int length = uint16(b, at + 2);
            if (isStartOfFrame(marker) && at + 9 <= b.length && width < 0) {
                height = uint16(b, at + 5);
                width = uint16(b, at + 7);
            }
            if (marker == 0xDA) {
                if (width <= 0 || height <= 0) {
                    return Optional.empty();
                }
                return Optional.of(new UploadedImageHeader("jpeg", width, height, endOfImage(b, at + 2 + length)));
            }
            if (marker == 0xD9 || length < 2) {
                return Optional.empty();
            }
            at += 2 + length;
        }
        return width > 0 && height > 0 ? Optional.of(new UploadedImageHeader("jpeg", width, height, -1))
                : Optional.empty();
    }

    /** After the first scan's header: the first EOI (in scan data 0xFF is always stuffed, so FFD9 is the end). */
    private static int endOfImage(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return i + 2;
            }
        }
        return -1;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int uint16(byte[] b, int at) {
        return at + 1 < b.length ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : 0;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
