package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.DecodedImage;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageDecoderTest {

    private static ImageDecoder decoder;

    @BeforeAll
    static void load() {
        OpenCvRuntime.ensureLoaded();
        decoder = new ImageDecoder(TestConfigs.audit(TestConfigs.defaults()).decode());
    }

    private static String refusal(byte[] bytes) {
        return assertInstanceOf(DecodeOutcome.Refused.class, decoder.decode(bytes)).reason().code();
    }

    private static Mat decoded(byte[] bytes) {
        return assertInstanceOf(DecodeOutcome.Decoded.class, decoder.decode(bytes)).image().bgr();
    }

    private static byte[] encode(String ext, Mat image) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(ext, image, out);
        return out.toArray();
    }

    @Test
    void emptyAndNonImagesAreUnreadable() {
        assertEquals("IMAGE_UNREADABLE", refusal(null));
        assertEquals("IMAGE_UNREADABLE", refusal(new byte[0]));
        assertEquals("IMAGE_UNREADABLE", refusal("%PDF-1.7 this is not a photo at all".getBytes()));
    }

    @Test
    void truncatedJpegIsRefused() {
        byte[] jpeg = encode(".jpg", new Mat(200, 150, CvType.CV_8UC3, new Scalar(40, 120, 200)));
        assertEquals("IMAGE_TRUNCATED", refusal(Arrays.copyOf(jpeg, jpeg.length * 2 / 3)));
    }

    /** Issue 14: bytes after the end marker (a phone's trailer) are cut off, as on the card path, never refused. */
    @Test
    void trailingBytesAfterTheImagesEndAreCutOffAsOnTheCardPath() {
        Mat image = new Mat(200, 150, CvType.CV_8UC3, new Scalar(40, 120, 200));
        for (String ext : new String[] {".jpg", ".png"}) {
            byte[] plain = encode(ext, image);
            byte[] trailer = Arrays.copyOf(plain, plain.length + 5000);
            Arrays.fill(trailer, plain.length, trailer.length, (byte) 0x41);
            Mat expected = decoded(plain);
            Mat actual = decoded(trailer);
            assertEquals(0, org.opencv.core.Core.norm(expected, actual, org.opencv.core.Core.NORM_INF), ext);
        }
    }

    @Test
    void oversizedFileIsRefusedBeforeDecoding() {
        ImageDecoder small = new ImageDecoder(TestConfigs.audit(TestConfigs.with(Map.of("photo-audit.decode.max-bytes", "100"))).decode());
        byte[] jpeg = encode(".jpg", new Mat(200, 150, CvType.CV_8UC3, new Scalar(1, 2, 3)));
        DecodeOutcome outcome = small.decode(jpeg);
        assertEquals("IMAGE_TOO_LARGE", assertInstanceOf(DecodeOutcome.Refused.class, outcome).reason().code());
    }

    /** A 60000 x 60000 PNG header with a tiny body: refused from the header, never allocated (10.8 GB). */
    @Test
    void decompressionBombIsRefusedFromTheHeader() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.write(chunk("IHDR", ByteBuffer.allocate(13).putInt(60000).putInt(60000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        png.write(chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        png.write(chunk("IEND", new byte[0]));
        assertEquals("IMAGE_TOO_LARGE", refusal(png.toByteArray()));
    }

    /**
     * 18.75 million pixels decode in 56 MB as an ordinary JPEG but take 169 MB as a progressive JPEG without chroma
     * subsampling (its coefficients are held whole) and as a 16-bit PNG: both refused from the header with what
     * decoding would take; a 12-megapixel phone photo saved progressive and turned by its orientation (146 MB)
     * still passes.
     */
    @Test
    void whatAFileCostsToDecodeIsJudgedBeforeDecoding() {
        Mat large = CostlyImages.flat(5000, 3750);
        assertInstanceOf(DecodeOutcome.Decoded.class, decoder.decode(CostlyImages.baseline(large)));
        for (byte[] costly : List.of(CostlyImages.progressive(large), CostlyImages.sixteenBitPng(large))) {
            CheckResult reason = assertInstanceOf(DecodeOutcome.Refused.class, decoder.decode(costly)).reason();
            assertEquals("IMAGE_TOO_LARGE", reason.code());
            assertTrue(reason.measured() > 168_000_000 && reason.measured() < 170_000_000, "" + reason.measured());
        }
        large.release();
        Mat phone = CostlyImages.flat(4032, 3024);
        assertInstanceOf(DecodeOutcome.Decoded.class,
                decoder.decode(CostlyImages.turned(CostlyImages.progressive(phone))));
        phone.release();
    }

    /** Thousands of scans of a few bytes each: a file OpenCV does decode, a pass a scan, refused from its markers. */
    @Test
    void aJpegOfThousandsOfScansIsRefusedUndecoded() {
        Mat photo = CostlyImages.flat(1200, 1600);
        byte[] progressive = CostlyImages.progressive(photo);
        byte[] bomb = CostlyImages.withEmptyScans(progressive, 1200, 1600, 3000);
        Mat decodedAnyway = Imgcodecs.imdecode(new MatOfByte(bomb), Imgcodecs.IMREAD_COLOR);
        assertEquals(1200, decodedAnyway.cols(), "the bomb is a valid JPEG");
        CheckResult reason = assertInstanceOf(DecodeOutcome.Refused.class, decoder.decode(bomb)).reason();
        assertEquals("IMAGE_UNREADABLE", reason.code());
        assertEquals(3010.0, reason.measured(), "the encoder's ten scans and the bomb's");
        assertInstanceOf(DecodeOutcome.Decoded.class,
                decoder.decode(CostlyImages.withEmptyScans(progressive, 1200, 1600, 54)));
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes()).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        return b.putInt((int) crc.getValue()).array();
    }

    @Test
    void greyscaleAndSixteenBitBecomeEightBitColour() {
        Mat grey = decoded(encode(".png", new Mat(160, 120, CvType.CV_8UC1, new Scalar(128))));
        assertEquals(CvType.CV_8UC3, grey.type());
        Mat deep = decoded(encode(".png", new Mat(160, 120, CvType.CV_16UC3, new Scalar(65535, 0, 32768))));
        assertEquals(CvType.CV_8UC3, deep.type());
        assertEquals(255.0, deep.get(0, 0)[0], 1.0);
    }

    /** EXIF orientation 6 (rotate 90° clockwise) must be applied: a 240 x 160 JPEG becomes 160 x 240. */
    @Test
    void exifOrientationIsApplied() throws Exception {
        byte[] jpeg = encode(".jpg", new Mat(160, 240, CvType.CV_8UC3, new Scalar(10, 200, 10)));
        byte[] tiff = ByteBuffer.allocate(26).put(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0,
                0, 0, 0, 0, 0, 0}).array();
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        withExif.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        withExif.write(tiff);
        withExif.write(jpeg, 2, jpeg.length - 2);
        Mat rotated = decoded(withExif.toByteArray());
        assertEquals(160, rotated.cols());
        assertEquals(240, rotated.rows());
    }

    /**
     * A JPEG of twice the working long side or more is decoded at half size, a PNG never (its decoder cannot
     * scale), a smaller JPEG never; the working copy made from the half-size decode is close to the area
     * resize of the full one, and the full decode stays available.
     */
    @Test
    void largeJpegsAreDecodedAtHalfSize() {
        Mat photo = textured();
        byte[] jpeg = encode(".jpg", photo);
        DecodedImage half = assertInstanceOf(DecodeOutcome.Decoded.class, decoder.decode(jpeg)).image();
        assertEquals(2, half.reduction());
        assertEquals(600, half.bgr().cols());
        assertEquals(800, half.bgr().rows());
        DecodedImage full = assertInstanceOf(DecodeOutcome.Decoded.class, decoder.decodeFullResolution(jpeg)).image();
        assertEquals(1, full.reduction());
        assertEquals(1200, full.bgr().cols());
        assertEquals(1, assertInstanceOf(DecodeOutcome.Decoded.class, decoder.decode(encode(".png", photo))).image()
                .reduction());
        Mat smaller = new Mat();
        org.opencv.imgproc.Imgproc.resize(photo, smaller, new org.opencv.core.Size(900, 1200));
        assertEquals(1, assertInstanceOf(DecodeOutcome.Decoded.class, decoder.decode(encode(".jpg", smaller))).image()
                .reduction(), "1200 px: below twice the working long side");
        Mat work = ImageDecoder.downscale(half, 640);
        Mat area = new Mat();
        org.opencv.imgproc.Imgproc.resize(full.bgr(), area, new org.opencv.core.Size(480, 640), 0, 0,
                org.opencv.imgproc.Imgproc.INTER_AREA);
        Mat diff = new Mat();
        org.opencv.core.Core.absdiff(work, area, diff);
        Scalar channels = org.opencv.core.Core.mean(diff);
        double meanDifference = (channels.val[0] + channels.val[1] + channels.val[2]) / 3;
        org.junit.jupiter.api.Assertions.assertTrue(meanDifference < 5, "mean |half-size work - area| = " + meanDifference);
    }

    /** A 1200 x 1600 photo-like image: smooth gradient plus fine texture that a bare subsampling would alias. */
    private static Mat textured() {
        Mat photo = new Mat(1600, 1200, CvType.CV_8UC3);
        byte[] px = new byte[1600 * 1200 * 3];
        for (int y = 0; y < 1600; y++) {
            for (int x = 0; x < 1200; x++) {
                int v = (x * 255 / 1200 + ((x + y) % 3 == 0 ? 40 : 0)) & 0xFF;
                px[(y * 1200 + x) * 3] = (byte) v;
                px[(y * 1200 + x) * 3 + 1] = (byte) (y * 255 / 1600);
                px[(y * 1200 + x) * 3 + 2] = (byte) ((x / 7 % 2) * 200);
            }
        }
        photo.put(0, 0, px);
        return photo;
    }

    @Test
    void downscaleAveragesLikeAnAreaResize() {
        Mat photo = textured();
        Mat fast = ImageDecoder.downscale(photo, 640);
        Mat area = new Mat();
        org.opencv.imgproc.Imgproc.resize(photo, area, new org.opencv.core.Size(480, 640), 0, 0,
                org.opencv.imgproc.Imgproc.INTER_AREA);
        assertEquals(480, fast.cols());
        assertEquals(640, fast.rows());
        Mat diff = new Mat();
        org.opencv.core.Core.absdiff(fast, area, diff);
        Scalar channels = org.opencv.core.Core.mean(diff);
        double meanDifference = (channels.val[0] + channels.val[1] + channels.val[2]) / 3;
        // 3.5 measured; a bare bilinear resize gives 7.2, nearest neighbour 19.5
        org.junit.jupiter.api.Assertions.assertTrue(meanDifference < 5, "mean |fast - area| = " + meanDifference);
        Mat small = new Mat(300, 200, CvType.CV_8UC3, new Scalar(1, 2, 3));
        assertEquals(300, ImageDecoder.downscale(small, 640).rows(), "never enlarged");
    }
}
