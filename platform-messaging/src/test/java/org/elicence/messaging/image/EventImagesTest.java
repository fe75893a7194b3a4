package org.elicence.messaging.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.elicence.messaging.events.EncodedImage;
import org.junit.jupiter.api.Test;

/** Images into events ({@link EncodedImage#of}) and uploads out of them ({@link UploadedImageBase64}). */
class EventImagesTest {

    @Test
    void anImageAServiceMadeCarriesTheTypeAndSizeItsHeaderGives() throws IOException {
        byte[] jpeg = image(260, 378, "jpeg");
        EncodedImage encoded = EncodedImage.of(jpeg);
        assertEquals("image/jpeg", encoded.contentType());
        assertEquals(260, encoded.width());
        assertEquals(378, encoded.height());
        assertArrayEquals(jpeg, Base64.getDecoder().decode(encoded.base64()));
        EncodedImage png = EncodedImage.of(image(33, 33, "png"));
        assertEquals("image/png", png.contentType());
        assertEquals(33, png.height());
    }

    @Test
    void noImageIsNoEncodedImageAndBytesThatAreNoImageAreABug() {
        assertNull(EncodedImage.of(null));
        assertThrows(IllegalStateException.class, () -> EncodedImage.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    @Test
    void uploadedBase64IsReadWithLineBreaksAndGarbageIsNoBytes() throws IOException {
        byte[] jpeg = image(40, 30, "jpeg");
        String wrapped = Base64.getMimeEncoder().encodeToString(jpeg);
        assertArrayEquals(jpeg, UploadedImageBase64.decodeOrEmpty(wrapped));
        // MIME decoding skips what is not in the alphabet; padding in the middle it refuses.
        assertEquals(0, UploadedImageBase64.decodeOrEmpty("Zm9v=Zm9v").length);
        assertEquals(0, UploadedImageBase64.decodeOrEmpty("Q").length);
        byte[] cut = UploadedImageBase64.decodeOrEmpty(Base64.getEncoder().encodeToString(Arrays.copyOf(jpeg, 10)));
        assertEquals(10, cut.length, "decoding judges no image: a cut file is the checks' to refuse");
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
