package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.elicence.photoaudit.audit.CostlyImages;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.card.CardCheckConfig;
import org.elicence.messaging.events.RuleCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import io.smallrye.config.SmallRyeConfigBuilder;

/** Rule INPUT: uploads are judged by their header before OpenCV allocates any pixel. */
class ImageInputCheckTest {

    private static ImageInputCheck input;

    @BeforeAll
    static void setUp() {
        OpenCvRuntime.ensureLoaded();
        input = new ImageInputCheck(new SmallRyeConfigBuilder().withMapping(CardCheckConfig.class).build()
                .getConfigMapping(CardCheckConfig.class));
    }

    /** The bomb: a small PNG declaring 20000 x 20000 (1.2 GB decoded) is refused from its header. */
    @Test
    void aPngDeclaringTwentyThousandSquareIsRefusedUndecoded() {
        byte[] bomb = png(20000, 20000, 4000);
        assertEquals("IMAGE_TOO_LARGE", refusal(bomb).code());
        assertEquals(20000.0, refusal(bomb).measured());
        assertEquals("IMAGE_TOO_LARGE", refusal(png(7000, 7000, 10)).code(), "49 M pixels");
        assertEquals("IMAGE_TOO_LARGE", refusal(png(13000, 400, 10)).code(), "one side too long");
    }

    /** What decoding takes, judged from the header: a progressive JPEG or 16-bit PNG of 18.75 M pixels, a scan bomb. */
    @Test
    void filesCostlierToDecodeThanTheirPixelsSayAreRefusedUndecoded() {
        Mat large = CostlyImages.flat(5000, 3750);
        admitted(CostlyImages.baseline(large));
        assertEquals("IMAGE_TOO_LARGE", refusal(CostlyImages.progressive(large)).code());
        assertEquals("IMAGE_TOO_LARGE", refusal(CostlyImages.sixteenBitPng(large)).code());
        large.release();
        byte[] progressive = CostlyImages.progressive(CostlyImages.flat(1600, 1200));
        admitted(progressive);
        RuleCheck bomb = refusal(CostlyImages.withEmptyScans(progressive, 1600, 1200, 3000));
        assertEquals("IMAGE_UNREADABLE", bomb.code());
        assertEquals(3010.0, bomb.measured());
    }

    @Test
    void degenerateSizesAreTooSmall() {
        for (int[] size : new int[][] {{1, 1}, {4, 4}, {1, 600}, {600, 4}, {299, 2000}}) {
            RuleCheck refused = refusal(encode(".png", size[0], size[1]));
            assertEquals("IMAGE_TOO_SMALL", refused.code(), Arrays.toString(size));
            assertEquals(RuleCheck.FAIL, refused.verdict());
        }
        assertEquals("IMAGE_TOO_SMALL", refusal(encode(".jpg", 4, 4)).code());
    }

    @Test
    void otherFormatsAndGarbageAreUnreadable() {
        assertEquals("IMAGE_UNREADABLE", refusal(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).code());
        assertEquals("IMAGE_UNREADABLE", refusal(encode(".bmp", 800, 600)).code());
        assertEquals("IMAGE_UNREADABLE", refusal(new byte[0]).code());
    }

    @Test
    void completeImagesPassAndTrailingBytesAreCutOff() {
        for (String format : new String[] {".jpg", ".png"}) {
            byte[] image = encode(format, 800, 600);
            assertArrayEquals(image, admitted(image), format);
            byte[] withTrailer = Arrays.copyOf(image, image.length + 3000);
            Arrays.fill(withTrailer, image.length, withTrailer.length, (byte) 0x41);
            assertArrayEquals(image, admitted(withTrailer), format + " with data after its end");
            assertEquals("IMAGE_TRUNCATED", refusal(Arrays.copyOf(image, image.length - 40)).code(), format);
        }
    }

    private static RuleCheck refusal(byte[] upload) {
        ImageInputCheck.Outcome outcome = input.check(upload);
        assertNull(outcome.image(), "refused");
        return outcome.refusal();
    }

    private static byte[] admitted(byte[] upload) {
        ImageInputCheck.Outcome outcome = input.check(upload);
        assertNull(outcome.refusal(), () -> String.valueOf(outcome.refusal()));
        return outcome.image();
    }

    private static byte[] encode(String extension, int width, int height) {
        Mat image = new Mat(height, width, CvType.CV_8UC3, new Scalar(90, 140, 200));
        MatOfByte encoded = new MatOfByte();
        Imgcodecs.imencode(extension, image, encoded);
        image.release();
        return encoded.toArray();
    }

    /** A valid PNG header declaring {@code width} x {@code height} with {@code rows} rows of zeros compressed. */
    static byte[] png(int width, int height, int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[(3 * width + 1) * rows]);
        deflater.finish();
        byte[] buffer = new byte[1 << 20];
        chunk(out, "IDAT", Arrays.copyOf(buffer, deflater.deflate(buffer)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
