package org.elicence.messaging.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;

/** Where an upload ends, how many scans it has and what decoding it costs, from its markers and chunks alone. */
class UploadedImageHeaderTest {

    @Test
    void anOrdinaryJpegIsOneScanAndThreeBytesAPixel() throws IOException {
        byte[] jpeg = write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "jpeg", false);
        UploadedImageHeader header = UploadedImageHeader.read(jpeg).orElseThrow();
        assertEquals(jpeg.length, header.end());
        assertEquals(1, header.scans());
        assertEquals(640L * 480 * 3, header.decodeBytes());
        byte[] greyscale = write(new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY), "jpeg", false);
        assertEquals(640L * 480 * (1 + 3), UploadedImageHeader.read(greyscale).orElseThrow().decodeBytes(),
                "one channel, then its BGR copy");
    }

    /** ImageIO writes ten scans, chroma halved both ways: 2 + 2 x 0.5 bytes of coefficients a pixel more. */
    @Test
    void aProgressiveJpegAlsoHoldsEveryCoefficient() throws IOException {
        byte[] jpeg = write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "jpeg", true);
        UploadedImageHeader header = UploadedImageHeader.read(jpeg).orElseThrow();
        assertEquals(10, header.scans());
        assertEquals(jpeg.length, header.end());
        long luminance = 80 * 60 * 128;
        long chroma = 40 * 30 * 128;
        assertEquals(640L * 480 * 3 + luminance + 2 * chroma, header.decodeBytes());
    }

    @Test
    void scansAreCountedUpToWhereAFileStopsAndBytesAfterItsEndAreNotItsOwn() throws IOException {
        byte[] jpeg = write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "jpeg", true);
        UploadedImageHeader cut = UploadedImageHeader.read(Arrays.copyOf(jpeg, jpeg.length - 3)).orElseThrow();
        assertTrue(cut.truncated());
        assertEquals(10, cut.scans());
        byte[] withTrailer = Arrays.copyOf(jpeg, jpeg.length + 500);
        Arrays.fill(withTrailer, jpeg.length, withTrailer.length, (byte) 0xFF);
        assertEquals(jpeg.length, UploadedImageHeader.read(withTrailer).orElseThrow().end());
    }

    @Test
    void aPngCostsItsSamplesAndTheirConversionToEightBitBgr() throws IOException {
        byte[] rgb = write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", false);
        assertEquals(300L * 200 * 3, UploadedImageHeader.read(rgb).orElseThrow().decodeBytes());
        byte[] alpha = write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB), "png", false);
        assertEquals(300L * 200 * (4 + 3), UploadedImageHeader.read(alpha).orElseThrow().decodeBytes());
        byte[] deepGrey = write(new BufferedImage(300, 200, BufferedImage.TYPE_USHORT_GRAY), "png", false);
        UploadedImageHeader header = UploadedImageHeader.read(deepGrey).orElseThrow();
        assertEquals(300L * 200 * (2 + 1 + 3), header.decodeBytes(), "16-bit samples, an 8-bit copy, then BGR");
        assertEquals(0, header.scans());
        assertEquals(deepGrey.length, header.end());
    }

    /** OpenCV turns a decoded picture by its EXIF orientation: a quarter turn transposes it into a second image. */
    @Test
    void anOrientationThatTurnsThePictureCostsASecondCopy() throws IOException {
        byte[] jpeg = write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "jpeg", false);
        assertEquals(2 * 640L * 480 * 3, UploadedImageHeader.read(oriented(jpeg, 6)).orElseThrow().decodeBytes());
        assertEquals(640L * 480 * 3, UploadedImageHeader.read(oriented(jpeg, 3)).orElseThrow().decodeBytes(),
                "a half turn is two flips in place");
    }

    /** Whatever the bytes, reading them ends, with a header or none: never an exception (a 500, a crashed consumer). */
    @Test
    void brokenAndHostileBytesAreReadWithoutAnException() throws IOException {
        byte[] jpeg = oriented(write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpeg", true), 6);
        byte[] png = write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB), "png", false);
        for (byte[] image : new byte[][] {jpeg, png}) {
            for (int length = 0; length < image.length; length++) {
                UploadedImageHeader.read(Arrays.copyOf(image, length));
            }
        }
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            byte[] start = random.nextBoolean() ? jpeg : png;
            byte[] mutated = Arrays.copyOf(start, 8 + random.nextInt(start.length - 8));
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[2 + random.nextInt(mutated.length - 2)] = (byte) random.nextInt(256);
            }
            UploadedImageHeader.read(mutated).ifPresent(header -> assertTrue(header.decodeBytes() > 0));
        }
        byte[] scanLongerThanTheFile = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 10, 0, 10, 1,
            1, 0x11, 0, (byte) 0xFF, (byte) 0xDA, 0x40, 0, 0, 0};
        assertTrue(UploadedImageHeader.read(scanLongerThanTheFile).orElseThrow().truncated());
        byte[] segmentShorterThanItsLength = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 1, 0, 0};
        assertTrue(UploadedImageHeader.read(segmentShorterThanItsLength).isEmpty());
    }

    /** The JPEG with a one-field EXIF orientation right after its start marker. */
    private static byte[] oriented(byte[] jpeg, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(Exif.orientationSegment(orientation));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] write(BufferedImage image, String format, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
            stream.flush();
            return out.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
