package org.elicence.photoaudit.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.elicence.messaging.events.EncodedImage;

/** A JPEG this service made, as an event carries it: base64 with its size read from its header. */
final class EncodedJpeg {

    private EncodedJpeg() {
    }

    /** Null for null: an image the checks did not get far enough to make. */
    static EncodedImage of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int[] size = size(bytes);
        return new EncodedImage("image/jpeg", size[0], size[1], Base64.getEncoder().encodeToString(bytes));
    }

    /** Reads only the JPEG header: this service made these bytes, so a failure here is a bug. */
    private static int[] size(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalStateException("rendered image is not a readable JPEG", e);
        }
    }
}
