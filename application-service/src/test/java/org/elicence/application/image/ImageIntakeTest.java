package org.elicence.application.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.messaging.image.Exif;
import org.elicence.messaging.image.StrippedImage;
import org.junit.jupiter.api.Test;

/** Intake on crafted files: sizes from the header, metadata out, orientation kept, trailers and truncation. */
class ImageIntakeTest {

    private static final ApplicationConfig.Images LIMITS = new ApplicationConfig.Images() {
        public int minSide() {
            return 120;
        }

        public int maxSide() {
            return 12000;
        }

        public long maxPixels() {
            return 40_000_000;
        }

        public long maxDecodeBytes() {
            return 150_000_000;
        }

        public int maxScans() {
            return 64;
        }
    };
    private final ImageIntake intake = new ImageIntake(LIMITS);

    @Test
    void aPhoneJpegLosesItsMetadataAndTrailerButKeepsItsPixelsAndOrientation() throws Exception {
        byte[] plain = IntakeImages.jpeg(640, 480);
        byte[] phone = IntakeImages.withTrailer(IntakeImages.withMetadata(plain, 6), "MotionPhoto_Data video of home");

        StrippedImage parsed = intake.accept(phone);

        assertEquals("image/jpeg", parsed.contentType());
        assertEquals(640, parsed.width());
        assertEquals(480, parsed.height());
        assertEquals(6, parsed.orientation());
        String kept = new String(parsed.bytes(), StandardCharsets.ISO_8859_1);
        for (String personal : IntakeImages.PERSONAL_TEXT) {
            assertFalse(kept.contains(personal), personal + " is gone");
        }
        assertFalse(kept.contains("MotionPhoto"), "nothing after the end marker is kept");
        assertTrue(kept.contains("Exif\0\0"), "a one-field EXIF keeps the orientation");
        assertEquals(6, Exif.orientation(parsed.bytes(), 12, parsed.bytes().length - 12));
        assertEquals(0xD9, parsed.bytes()[parsed.bytes().length - 1] & 0xFF);
        assertSamePixels(plain, parsed.bytes());
        assertTrue(parsed.bytes().length < phone.length);
    }

    @Test
    void aJpegWithoutMetadataComesOutWithTheSameScan() throws Exception {
        byte[] plain = IntakeImages.jpeg(300, 400);
        StrippedImage parsed = intake.accept(plain);
        assertEquals(1, parsed.orientation());
        assertFalse(new String(parsed.bytes(), StandardCharsets.ISO_8859_1).contains("Exif"));
        assertSamePixels(plain, parsed.bytes());
    }

    @Test
    void sizesAreJudgedFromTheHeader() {
        assertEquals("IMAGE_TOO_SMALL", assertThrows(ImageIntake.Refused.class,
                () -> intake.accept(IntakeImages.png(1, 1))).code());
        assertEquals("IMAGE_TOO_SMALL", assertThrows(ImageIntake.Refused.class,
                () -> intake.accept(IntakeImages.png(600, 4))).code());
        assertEquals("IMAGE_TOO_SMALL", assertThrows(ImageIntake.Refused.class,
                () -> intake.accept(IntakeImages.jpeg(1, 600))).code());
        // a few hundred bytes declaring 60000 x 60000: refused from IHDR, nothing inflated
        assertEquals("IMAGE_TOO_MANY_PIXELS", assertThrows(ImageIntake.Refused.class,
                () -> intake.accept(IntakeImages.pngDeclaring(60000, 60000))).code());
        assertEquals("IMAGE_TOO_MANY_PIXELS", assertThrows(ImageIntake.Refused.class,
                () -> intake.accept(IntakeImages.jpegDeclaring(IntakeImages.jpeg(200, 200), 65000, 65000))).code());
        assertEquals("IMAGE_TOO_MANY_PIXELS", assertThrows(ImageIntake.Refused.class,
                () -> intake.accept(IntakeImages.pngDeclaring(12001, 200))).code());
    }

    /**
     * 27 million pixels pass as a baseline JPEG (81 MB decoded) but not as a progressive one, whose decoder holds
     * every coefficient too (162 MB), nor turned a quarter by its EXIF orientation (162 MB: a second, transposed
     * copy), nor as a 16-bit PNG (243 MB): what such a file may have is the same memory, 150 MB.
     */
    @Test
    void whatAFileCostsToDecodeIsJudgedFromItsHeader() {
        int width = 6000;
        int height = 4500;
        byte[] baseline = IntakeImages.jpeg(200, 200);
        intake.accept(IntakeImages.jpegDeclaring(baseline, width, height));
        intake.accept(IntakeImages.pngDeclaring(width, height, 8));
        ImageIntake.Refused progressive = assertThrows(ImageIntake.Refused.class, () -> intake.accept(
                IntakeImages.jpegDeclaring(IntakeImages.progressiveJpeg(200, 200), width, height)));
        assertEquals("IMAGE_TOO_MANY_PIXELS", progressive.code());
        assertEquals("costly", progressive.variant());
        long allowed = (long) progressive.args()[3];
        assertTrue(allowed > 24_500_000 && allowed < 25_500_000, "25 M pixels at 6 bytes a pixel: " + allowed);
        ImageIntake.Refused turned = assertThrows(ImageIntake.Refused.class, () -> intake.accept(
                IntakeImages.jpegDeclaring(IntakeImages.withMetadata(baseline, 6), width, height)));
        assertEquals("costly", turned.variant());
        intake.accept(IntakeImages.jpegDeclaring(IntakeImages.withMetadata(baseline, 3), width, height));
        ImageIntake.Refused sixteenBit = assertThrows(ImageIntake.Refused.class,
                () -> intake.accept(IntakeImages.pngDeclaring(width, height, 16)));
        assertEquals("costly", sixteenBit.variant());
        assertEquals(16_666_666L, sixteenBit.args()[3], "9 bytes a pixel");
        // a 12-megapixel phone photo saved progressive and turned a quarter still passes (146 MB)
        intake.accept(IntakeImages.jpegDeclaring(
                IntakeImages.withMetadata(IntakeImages.progressiveJpeg(200, 200), 6), 3024, 4032));
    }

    @Test
    void aJpegOfMoreScansThanAnEncoderWritesIsRefusedUnread() {
        byte[] progressive = IntakeImages.progressiveJpeg(300, 400);
        assertEquals(1, intake.accept(progressive).orientation());
        intake.accept(IntakeImages.withExtraScans(progressive, 54));
        ImageIntake.Refused bomb = assertThrows(ImageIntake.Refused.class,
                () -> intake.accept(IntakeImages.withExtraScans(progressive, 5000)));
        assertEquals("IMAGE_UNREADABLE", bomb.code());
        assertEquals("scans", bomb.variant());
        assertEquals(5010, bomb.args()[0]);
    }

    @Test
    void incompleteAndBrokenFilesAreUnreadable() throws Exception {
        byte[] jpeg = IntakeImages.jpeg(300, 400);
        assertThrows(ImageIntake.Unreadable.class, () -> intake.accept(Arrays.copyOf(jpeg, jpeg.length / 2)));
        byte[] garbage = Arrays.copyOf(jpeg, 400);
        Arrays.fill(garbage, 3, 400, (byte) 0x41);
        assertThrows(ImageIntake.Unreadable.class, () -> intake.accept(garbage));
        byte[] png = IntakeImages.png(300, 400);
        assertThrows(ImageIntake.Unreadable.class, () -> intake.accept(Arrays.copyOf(png, png.length - 20)));
    }

    /** A photo whose upload broke off anywhere, or a scan header longer than the file, is the file's fault: 422. */
    @Test
    void aJpegCutAnywhereIsUnreadable() throws Exception {
        byte[] jpeg = IntakeImages.jpeg(300, 400);
        for (int length = 3; length < jpeg.length; length++) {
            byte[] cut = Arrays.copyOf(jpeg, length);
            assertThrows(ImageIntake.Unreadable.class, () -> intake.accept(cut), "cut after " + length + " bytes");
        }
        byte[] scanLongerThanTheFile = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0x40, 0, 0, 0, 0, 0};
        assertThrows(ImageIntake.Unreadable.class, () -> intake.accept(scanLongerThanTheFile));
    }

    @Test
    void aPngLosesItsTextChunksAndTrailer() throws Exception {
        byte[] plain = IntakeImages.png(300, 400);
        byte[] tagged = IntakeImages.withTrailer(IntakeImages.withPngText(plain, "Author", "Zhang Wei, Beijing"),
                "trailing");
        StrippedImage parsed = intake.accept(tagged);
        String kept = new String(parsed.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(kept.contains("Zhang Wei"));
        assertFalse(kept.contains("trailing"));
        assertSamePixels(plain, parsed.bytes());
    }

    private static void assertSamePixels(byte[] expected, byte[] actual) throws Exception {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(expected));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(actual));
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        assertArrayEquals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }
}
