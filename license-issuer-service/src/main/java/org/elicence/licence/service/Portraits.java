package org.elicence.licence.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Base64;

import org.elicence.licence.credential.InMemoryImages;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.image.UploadedImageHeader;
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
        if (UploadedImageHeader.read(bytes).filter(header -> "jpeg".equals(header.format())).isPresent()) {
            return bytes;
        }
        try {
            BufferedImage image = InMemoryImages.read(bytes);
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
    private static byte[] reencodeAsJpeg(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        graphics.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        graphics.dispose();
        return InMemoryImages.write(rgb, "jpg");
    }
}
