package org.elicence.photoaudit.audit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** C7 blockiness: block-border steps over in-block steps, checked against a direct per-pixel count. */
class JpegBlockinessTest {

    @BeforeAll
    static void load() {
        OpenCvRuntime.ensureLoaded();
    }

    private static Mat image(int w, int h, java.util.function.IntBinaryOperator value) {
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = (byte) value.applyAsInt(x, y);
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8U);
        m.put(0, 0, px);
        return m;
    }

    /** The definition, pixel by pixel (as the check computed it before it used OpenCV reductions). */
    private static double direct(Mat grey, int block) {
        int w = grey.cols();
        int h = grey.rows();
        byte[] px = new byte[w * h];
        grey.get(0, 0, px);
        double edge = 0;
        double inner = 0;
        long edgeCount = 0;
        long innerCount = 0;
        for (int y = 0; y < h - 1; y++) {
            for (int x = 0; x < w - 1; x++) {
                int v = px[y * w + x] & 0xFF;
                int dx = Math.abs(v - (px[y * w + x + 1] & 0xFF));
                int dy = Math.abs(v - (px[(y + 1) * w + x] & 0xFF));
                if ((x + 1) % block == 0) {
                    edge += dx;
                    edgeCount++;
                } else {
                    inner += dx;
                    innerCount++;
                }
                if ((y + 1) % block == 0) {
                    edge += dy;
                    edgeCount++;
                } else {
                    inner += dy;
                    innerCount++;
                }
            }
        }
        return (edge / Math.max(1, edgeCount)) / Math.max(0.5, inner / Math.max(1, innerCount));
    }

    /** Flat square blocks of {@code block} pixels at random levels, with a little noise: what heavy JPEG leaves. */
    private static Mat blocky(int w, int h, int block, Random levels, Random noise) {
        int across = w / block + 1;
        int[] level = new int[across * (h / block + 1)];
        for (int i = 0; i < level.length; i++) {
            level[i] = 60 + levels.nextInt(120);
        }
        return image(w, h, (x, y) -> level[(y / block) * across + x / block] + noise.nextInt(3));
    }

    @Test
    void blockyImagesScoreHighAndSmoothOnesAboutOne() {
        Random noise = new Random(11);
        Mat blocky = blocky(203, 157, 8, new Random(7), noise);
        Mat smooth = image(203, 157, (x, y) -> 60 + x / 2 + y / 3 + noise.nextInt(6));
        double b = JpegBlockiness.blockiness(blocky, 8);
        double s = JpegBlockiness.blockiness(smooth, 8);
        assertTrue(b > 5, "blocky " + b);
        assertTrue(s > 0.8 && s < 1.25, "smooth " + s);
        assertEquals(direct(blocky, 8), b, 1e-9);
        assertEquals(direct(smooth, 8), s, 1e-9);
    }

    @Test
    void theBlocksOfAHalfSizeDecodeAreFourPixels() {
        Mat blocky = blocky(201, 163, 4, new Random(5), new Random(13));
        double four = JpegBlockiness.blockiness(blocky, 4);
        double eight = JpegBlockiness.blockiness(blocky, 8);
        assertTrue(four > 5, "4-pixel blocks on their grid " + four);
        assertTrue(eight < four / 2, "the same blocks on an 8-pixel grid " + eight);
        assertEquals(direct(blocky, 4), four, 1e-9);
    }
}
