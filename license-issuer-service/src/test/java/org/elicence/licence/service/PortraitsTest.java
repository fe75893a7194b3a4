package org.elicence.licence.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.elicence.licence.credential.ImageIoCacheGone;
import org.elicence.licence.credential.InMemoryImages;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.inbox.PoisonEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portrait an approval carries, as the credential signs it: a JPEG, made in memory only. */
class PortraitsTest {

    @TempDir
    Path temp;

    @Test
    void aJpegIsSignedAsItCame() throws IOException {
        byte[] jpeg = encode(portrait(), "jpg");
        assertArrayEquals(jpeg, Portraits.jpeg("app", image("image/jpeg", jpeg)));
    }

    @Test
    void aPngIsReencodedAsJpegWithoutATemporaryFile() throws Exception {
        byte[] png = encode(portrait(), "png");

        byte[] signed = ImageIoCacheGone.call(temp, png, () -> Portraits.jpeg("app", image("image/png", png)));

        assertTrue(signed.length > 3 && (signed[0] & 0xFF) == 0xFF && (signed[1] & 0xFF) == 0xD8, "a JPEG");
        BufferedImage read = InMemoryImages.read(signed);
        assertEquals(120, read.getWidth());
        assertEquals(160, read.getHeight());
    }

    @Test
    void anythingElseIsPoison() {
        byte[] notAnImage = "not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThrows(PoisonEventException.class, () -> Portraits.jpeg("app", image("image/png", notAnImage)));
        assertThrows(PoisonEventException.class, () -> Portraits.jpeg("app", null));
        byte[] truncatedPng = Arrays.copyOf(encodeQuietly(portrait()), 40);
        assertThrows(PoisonEventException.class, () -> Portraits.jpeg("app", image("image/png", truncatedPng)));
        // a JPEG's first three bytes and nothing after them: no frame, no portrait
        byte[] soiOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
        assertThrows(PoisonEventException.class, () -> Portraits.jpeg("app", image("image/jpeg", soiOnly)));
    }

    private static BufferedImage portrait() {
        BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(230, 190, 160));
        graphics.fillOval(30, 30, 60, 80);
        graphics.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        BufferedImage rgb = image;
        if ("jpg".equals(format)) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            var graphics = rgb.createGraphics();
            graphics.drawImage(image, 0, 0, Color.WHITE, null);
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb, format, out);
        return out.toByteArray();
    }

    private static byte[] encodeQuietly(BufferedImage image) {
        try {
            return encode(image, "png");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EncodedImage image(String mediaType, byte[] bytes) {
        return new EncodedImage(mediaType, 120, 160, Base64.getEncoder().encodeToString(bytes));
    }
}
