package org.elicence.licence.service;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.image.MetadataStripper;
import org.elicence.messaging.inbox.PoisonEventException;

/**
 * The portrait of an approval as the JPEG ISO 18013-5 requires. The event contract also allows PNG, which is
 * re-encoded; anything undecodable can never be signed, so it is poison (dead-lettered at once, not retried).
 */
final class Portraits {

    private Portraits() {
    }

    static byte[] jpeg(String applicationId, EncodedImage portrait) {
        byte[] bytes = decode(portrait);
        if (MetadataStripper.isJpeg(bytes)) {
            return bytes;
        }
        try {
            // memory-cached streams: ImageIO's default caches a stream's bytes in a temporary file, and a portrait is
            // not to touch a disk (docs/privacy.md)
            BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
            if (image != null) {
                return reencodeAsJpeg(image);
            }
        } catch (IOException | RuntimeException e) {
            // fall through: not an image
        }
        throw new PoisonEventException("approval of application " + applicationId + " carries no usable portrait");
    }

    private static byte[] decode(EncodedImage portrait) {
        if (portrait == null || portrait.base64() == null) {
            return new byte[0];
        }
        try {
            return Base64.getMimeDecoder().decode(portrait.base64());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    // JPEG has no alpha channel: draw onto opaque RGB first, or ImageIO writes nothing.
    private static byte[] reencodeAsJpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        graphics.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(rgb, "jpg", stream);
        }
        return out.toByteArray();
    }
}
