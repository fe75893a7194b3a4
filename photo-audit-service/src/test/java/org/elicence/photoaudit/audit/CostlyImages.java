package org.elicence.photoaudit.audit;

import java.io.ByteArrayOutputStream;

import org.elicence.messaging.image.Exif;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Files whose pixel count is harmless but whose decoding is not (docs/photo-audit.md, "What a decode costs"): a
 * progressive JPEG without chroma subsampling (its decoder holds 6 bytes of coefficients a pixel besides the
 * result), a 16-bit PNG, a JPEG its EXIF orientation turns (decoded, then transposed into a second image), and a
 * scan bomb, a progressive JPEG with thousands of scans of a few bytes each that
 * OpenCV decodes, one pass over every block a scan, for seconds to minutes.
 */
public final class CostlyImages {

    private CostlyImages() {
    }

    /** A flat colour picture of the size, so that even millions of pixels encode to a few kilobytes. */
    public static Mat flat(int width, int height) {
        return new Mat(height, width, CvType.CV_8UC3, new Scalar(120, 130, 140));
    }

    /** The image as a progressive JPEG, chroma at full resolution (4:4:4). */
    public static byte[] progressive(Mat image) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1,
                Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_444));
        return out.toArray();
    }

    /** The image as an ordinary (baseline) JPEG. */
    public static byte[] baseline(Mat image) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, out);
        return out.toArray();
    }

    /** The JPEG with an EXIF orientation of 6 (turn a quarter clockwise), as a phone held upright writes it. */
    public static byte[] turned(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(Exif.orientationSegment(6));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The image as a 16-bit RGB PNG. */
    public static byte[] sixteenBitPng(Mat image) {
        Mat deep = new Mat();
        image.convertTo(deep, CvType.CV_16UC3, 257);
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".png", deep, out);
        deep.release();
        return out.toArray();
    }

    /**
     * A progressive JPEG of {@code width} x {@code height} (made by {@link #progressive}) with {@code extra} more
     * scans of the luminance's last coefficient, each coded as end-of-band runs of 32,767 blocks (15 bits each): a
     * valid file OpenCV decodes, with a warning, one pass over every luminance block per scan.
     */
    public static byte[] withEmptyScans(byte[] progressiveJpeg, int width, int height, int extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(progressiveJpeg, 0, progressiveJpeg.length - 2);
        // DHT: an AC table (class 1, id 3) of a single one-bit code, symbol 0xE0 (a run of 2^14 + 14 more bits)
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC4, 0, 20, 0x13, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, (byte) 0xE0});
        long blocks = (long) ((width + 7) / 8) * ((height + 7) / 8);
        for (int scan = 0; scan < extra; scan++) {
            // SOS: one component (id 1, AC table 3), coefficients 63..63, first pass at full precision
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0x03, 63, 63, 0});
            Bits bits = new Bits(out);
            for (long left = blocks; left > 0; left -= 32767) {
                long run = Math.max(16384, Math.min(32767, left));
                bits.put(0, 1);
                bits.put((int) (run - 16384), 14);
            }
            bits.padWithOnes();
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    /** Entropy-coded bits, most significant first, a 0x00 stuffed after every 0xFF byte. */
    private static final class Bits {

        private final ByteArrayOutputStream out;
        private int pending;
        private int count;

        Bits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int value, int length) {
            for (int i = length - 1; i >= 0; i--) {
                pending = pending << 1 | (value >> i & 1);
                if (++count == 8) {
                    out.write(pending);
                    if (pending == 0xFF) {
                        out.write(0);
                    }
                    pending = 0;
                    count = 0;
                }
            }
        }

        void padWithOnes() {
            if (count > 0) {
                put(0xFF, 8 - count);
            }
        }
    }
}
