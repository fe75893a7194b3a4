package org.elicence.messaging.events;

import java.util.Base64;
import java.util.Optional;

import org.elicence.messaging.image.UploadedImageHeader;

/** An image carried inside an event; images are personal data and never logged. */
public record EncodedImage(String contentType, int width, int height, String base64) {

    /**
     * A JPEG or PNG a service made itself, with the type and size its header gives ({@link UploadedImageHeader}, the
     * one reader of image headers); null for null, an image the service did not get far enough to make. Bytes that
     * are no such image are a bug of the service that made them, not bad input.
     */
    public static EncodedImage of(byte[] image) {
        if (image == null) {
            return null;
        }
        return read(image).orElseThrow(() -> new IllegalStateException("an image made here is neither JPEG nor PNG"));
    }

    /** The same for stored bytes that may no longer be an image: empty when their header is no JPEG's or PNG's. */
    public static Optional<EncodedImage> read(byte[] image) {
        return UploadedImageHeader.read(image).map(header -> new EncodedImage("image/" + header.format(),
                header.width(), header.height(), Base64.getEncoder().encodeToString(image)));
    }

    @Override
    public String toString() {
        return "EncodedImage[" + contentType + ", " + width + "x" + height + ", " + lengthOrZero() + " base64 chars]";
    }

    private int lengthOrZero() {
        return base64 == null ? 0 : base64.length();
    }
}
