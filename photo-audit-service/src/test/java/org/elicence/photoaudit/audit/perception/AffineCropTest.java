package org.elicence.photoaudit.audit.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class AffineCropTest {

    @BeforeAll
    static void load() {
        OpenCvRuntime.ensureLoaded();
    }

    @Test
    void letterboxFitsTheLongSideAndCentresTheShortOne() {
        AffineCrop crop = AffineCrop.letterbox(300, 600, 128);
        Point topLeft = crop.toCrop(0, 0);
        Point bottomRight = crop.toCrop(300, 600);
        assertEquals(32, topLeft.x, 1e-9);
        assertEquals(0, topLeft.y, 1e-9);
        assertEquals(96, bottomRight.x, 1e-9);
        assertEquals(128, bottomRight.y, 1e-9);
    }

    @Test
    void rotatedSquareMapsItsCentreToTheMiddleAndTheEyeLineToTheHorizontal() {
        double angle = Math.toRadians(20);
        Point centre = new Point(200, 150);
        AffineCrop crop = AffineCrop.rotatedSquare(centre, 100, angle, 192);
        Point mid = crop.toCrop(200, 150);
        assertEquals(96, mid.x, 1e-9);
        assertEquals(96, mid.y, 1e-9);
        // a point 50 px along the tilted eye line lands 96 px to the right of the middle, on the same row
        Point along = crop.toCrop(200 + 50 * Math.cos(angle), 150 + 50 * Math.sin(angle));
        assertEquals(192, along.x, 1e-9);
        assertEquals(96, along.y, 1e-9);
        assertEquals(100.0 / 192, crop.imagePixelsPerCropPixel(), 1e-9);
    }

    @Test
    void toImageInvertsToCrop() {
        AffineCrop crop = AffineCrop.rotatedSquare(new Point(321.5, 87.25), 143, -0.4, 192);
        for (double[] p : new double[][] {{0, 0}, {192, 0}, {57.3, 170.9}}) {
            Point image = crop.toImage(p[0], p[1]);
            Point back = crop.toCrop(image.x, image.y);
            assertEquals(p[0], back.x, 1e-9);
            assertEquals(p[1], back.y, 1e-9);
        }
    }

    @Test
    void warpCutsTheSquareAndWarpBackReturnsAMapToItsPlace() {
        Mat image = Mat.zeros(200, 300, CvType.CV_8UC3);
        Imgproc.rectangle(image, new Point(100, 50), new Point(199, 149), new Scalar(255, 255, 255), -1);
        AffineCrop crop = AffineCrop.rotatedSquare(new Point(150, 100), 100, 0, 50);
        Mat cut = crop.warp(image);
        assertEquals(50, cut.cols());
        assertEquals(255, cut.get(25, 25)[0], 1e-9);
        Mat map = new Mat(50, 50, CvType.CV_32F, new Scalar(1));
        Mat back = crop.warpBack(map, image.size());
        assertEquals(1, back.get(100, 150)[0], 1e-6);
        assertEquals(0, back.get(10, 10)[0], 1e-6);
    }
}
