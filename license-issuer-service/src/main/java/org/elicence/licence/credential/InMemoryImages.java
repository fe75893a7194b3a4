package org.elicence.licence.credential;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * ImageIO through memory-cached streams only. ImageIO's own {@code read(InputStream)} and
 * {@code write(image, format, OutputStream)} cache what they read or write in a temporary file by default, and a
 * portrait or a licence's QR code is personal data that is not to touch a disk (docs/privacy.md).
 */
public final class InMemoryImages {

    private InMemoryImages() {
    }

    /** The decoded image, or null when no ImageIO reader takes the bytes. */
    public static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
    }

    /** The image encoded as {@code format} ("jpg", "png"). */
    public static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, format, stream)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
