package org.elicence.application.rest;

import java.util.Arrays;

/**
 * An uploaded image, accepted only if its bytes are a JPEG or PNG whatever the Content-Type says.
 * Decoding (and the decompression-bomb checks) happen in the services that read the pixels.
 */
public record ImageUpload(String contentType, byte[] bytes) {

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public static ImageUpload sniff(String declaredType, byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ProblemException(400, "EMPTY_UPLOAD", "Empty upload", "The request body holds no image.");
        }
        if (bytes.length > maxBytes) {
            throw new ProblemException(413, "IMAGE_TOO_LARGE", "Image too large",
                    "The image is " + bytes.length + " bytes; the limit is " + maxBytes + " bytes.");
        }
        String declared = declaredType == null ? "" : declaredType.toLowerCase();
        if (!declared.startsWith("image/jpeg") && !declared.startsWith("image/png")) {
            throw new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Send the image as image/jpeg or image/png.");
        }
        String actual = startsWith(bytes, JPEG_MAGIC) ? "image/jpeg" : startsWith(bytes, PNG_MAGIC) ? "image/png" : null;
        if (actual == null) {
            throw new ProblemException(415, "NOT_AN_IMAGE", "Not a JPEG or PNG image",
                    "The body is not a JPEG or PNG image, whatever its Content-Type says.");
        }
        return new ImageUpload(actual, bytes);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
