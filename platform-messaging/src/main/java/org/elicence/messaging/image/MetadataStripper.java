package org.elicence.messaging.image;

import java.util.Arrays;

/**
 * Removes what a photo carries besides its pixels before it is stored or sent (docs/privacy.md): EXIF (GPS position,
 * camera owner, dates, thumbnail), XMP, IPTC, ICC profiles, comments, text chunks and trailing bytes. Only what
 * decoding needs is kept, and the EXIF orientation as a one-field EXIF, so decoders still turn the pixels upright;
 * no pixel is decoded or re-compressed. The one implementation for every image that enters the platform: the
 * applicant's uploads (application-service's intake) and the ID registry's photos (idcard-service).
 */
public final class MetadataStripper {

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private MetadataStripper() {
    }

    /** Whether the bytes start like a JPEG or PNG. */
    public static boolean looksLikeAnImage(byte[] bytes) {
        return isJpeg(bytes) || isPng(bytes);
    }

    /** Whether the bytes start as a JPEG does: its SOI marker and the next marker's first byte. */
    public static boolean isJpeg(byte[] bytes) {
        return startsWith(bytes, JPEG_MAGIC);
    }

    /** Whether the bytes start with the PNG signature. */
    public static boolean isPng(byte[] bytes) {
        return startsWith(bytes, PNG_MAGIC);
    }

    /**
     * The image without its metadata; a JPEG by its first bytes, anything else read as a PNG.
     *
     * @throws BrokenImageException when the bytes are not a well-formed JPEG or PNG
     */
    public static StrippedImage strip(byte[] bytes) {
        try {
            return isJpeg(bytes) ? JpegStripper.strip(bytes) : PngStripper.strip(bytes);
        } catch (IndexOutOfBoundsException | NegativeArraySizeException broken) {
            // a length field the readers did not check against the file: still the file's fault
            throw new BrokenImageException("the image's structure is broken");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes != null && bytes.length >= magic.length
                && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
