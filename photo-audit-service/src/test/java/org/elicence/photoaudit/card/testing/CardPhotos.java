package org.elicence.photoaudit.card.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Photographs of ID cards made at test time: a card rendered in the real card's layout ({@link CardRenderer}:
 * Chinese labels, a real person's portrait), then "photographed" on a table: placed in perspective, and
 * optionally blurred, glared, cropped, dimly lit, low-resolution or mirrored. Fictional data only.
 */
public final class CardPhotos {

    public static final int CARD_WIDTH = CardRenderer.CARD_WIDTH;
    public static final int CARD_HEIGHT = CardRenderer.CARD_HEIGHT;
    private static final int SCENE_WIDTH = 1600;
    private static final int SCENE_HEIGHT = 1200;

    /** How the card lies in the photo: its four corners, clockwise from the top-left. */
    public enum Placement {
        SLIGHTLY_TILTED(new Point(290, 240), new Point(1310, 290), new Point(1285, 925), new Point(270, 870)),
        STEEP(new Point(520, 330), new Point(1080, 330), new Point(1420, 900), new Point(180, 900)),
        CUT_OFF_AT_LEFT(new Point(-160, 260), new Point(880, 250), new Point(900, 900), new Point(-140, 910));

        final Point[] corners;

        Placement(Point... corners) {
            this.corners = corners;
        }
    }

    private CardPhotos() {
    }

    static {
        OpenCvRuntime.ensureLoaded();
    }

    /** The portrait side (人像面) of {@code holder}'s card, in the real card's layout ({@link CardRenderer}). */
    public static BufferedImage renderFront(CardHolder holder) {
        return CardRenderer.front(holder);
    }

    /** The emblem side (国徽面) of {@code holder}'s card. */
    public static BufferedImage renderBack(CardHolder holder) {
        return CardRenderer.back(holder);
    }

    /** The card lying on a table, photographed: JPEG bytes. */
    public static byte[] photograph(BufferedImage card, Placement placement) {
        return jpeg(scene(card, placement));
    }

    public static byte[] blurred(BufferedImage card, double sigma) {
        Mat scene = scene(card, Placement.SLIGHTLY_TILTED);
        Imgproc.GaussianBlur(scene, scene, new Size(0, 0), sigma);
        return jpeg(scene);
    }

    /** A low-resolution camera: the whole photo a third of the size, the card too small to read. */
    public static byte[] lowResolution(BufferedImage card) {
        Mat scene = scene(card, Placement.SLIGHTLY_TILTED);
        Imgproc.resize(scene, scene, new Size(SCENE_WIDTH / 3.0, SCENE_HEIGHT / 3.0), 0, 0, Imgproc.INTER_AREA);
        return jpeg(scene);
    }

    /** A ceiling light reflected on the card: a large blown-out patch. */
    public static byte[] withGlare(BufferedImage card) {
        Mat scene = scene(card, Placement.SLIGHTLY_TILTED);
        Mat glare = Mat.zeros(scene.size(), CvType.CV_8UC3);
        Imgproc.ellipse(glare, new Point(700, 520), new Size(190, 120), 20, 0, 360, new Scalar(255, 255, 255), -1);
        Imgproc.GaussianBlur(glare, glare, new Size(0, 0), 25);
        Core.add(scene, glare, scene);
        Core.add(scene, glare, scene);
        return jpeg(scene);
    }

    /** A selfie camera's mirror image. */
    public static byte[] mirrored(BufferedImage card) {
        Mat scene = scene(card, Placement.SLIGHTLY_TILTED);
        Core.flip(scene, scene, 1);
        return jpeg(scene);
    }

    /** The card turned upside down on the table. */
    public static byte[] upsideDown(BufferedImage card) {
        Mat scene = scene(card, Placement.SLIGHTLY_TILTED);
        Core.rotate(scene, scene, Core.ROTATE_180);
        return jpeg(scene);
    }

    /** The card photographed with its corners at {@code corners} (clockwise from its top-left). */
    public static byte[] photographAt(BufferedImage card, Point... corners) {
        return jpeg(scene(card, corners));
    }

    /**
     * Poor light: the card at {@code corners}, the photo darkened to {@code gain} of its brightness with a shadow
     * falling across it, and the sensor noise ({@code noise}, standard deviation in grey levels) of a dim photo.
     */
    public static byte[] dim(BufferedImage card, double gain, double noise, long seed, Point... corners) {
        Mat scene = scene(card, corners);
        Mat light = new Mat(scene.size(), CvType.CV_32FC3);
        float[] row = new float[SCENE_WIDTH * 3];
        for (int y = 0; y < SCENE_HEIGHT; y++) {
            for (int x = 0; x < SCENE_WIDTH; x++) {
                float shade = (float) (gain * (0.55 + 0.45 * x / SCENE_WIDTH));
                row[x * 3] = shade;
                row[x * 3 + 1] = shade;
                row[x * 3 + 2] = shade;
            }
            light.put(y, 0, row);
        }
        Mat lit = new Mat();
        scene.convertTo(lit, CvType.CV_32FC3);
        Core.multiply(lit, light, lit);
        Mat grain = new Mat(scene.size(), CvType.CV_32FC3);
        Core.setRNGSeed((int) seed);
        Core.randn(grain, 0, noise);
        Core.add(lit, grain, lit);
        lit.convertTo(scene, CvType.CV_8UC3);
        return jpeg(scene);
    }

    /** A low-resolution camera: the card at {@code corners}, the whole photo scaled by {@code factor}. */
    public static byte[] scaled(BufferedImage card, double factor, Point... corners) {
        Mat scene = scene(card, corners);
        Imgproc.resize(scene, scene, new Size(SCENE_WIDTH * factor, SCENE_HEIGHT * factor), 0, 0,
                Imgproc.INTER_AREA);
        return jpeg(scene);
    }

    /**
     * Corners of a card {@code width} px wide centred in the photo, turned {@code degrees} in the picture plane and
     * seen at an angle: its far (top) edge {@code keystone} shorter than its near one and its height foreshortened
     * as much.
     */
    public static Point[] corners(double width, double degrees, double keystone) {
        double height = width * CARD_HEIGHT / CARD_WIDTH * (1 - keystone / 2);
        double top = width * (1 - keystone) / 2;
        double bottom = width / 2;
        Point[] flat = {new Point(-top, -height / 2), new Point(top, -height / 2), new Point(bottom, height / 2),
                new Point(-bottom, height / 2)};
        double angle = Math.toRadians(degrees);
        Point[] turned = new Point[4];
        for (int i = 0; i < 4; i++) {
            turned[i] = new Point(SCENE_WIDTH / 2.0 + flat[i].x * Math.cos(angle) - flat[i].y * Math.sin(angle),
                    SCENE_HEIGHT / 2.0 + flat[i].x * Math.sin(angle) + flat[i].y * Math.cos(angle));
        }
        return turned;
    }

    /** A public-domain photograph from src/test/resources/faces, as stored. */
    public static byte[] photoBytes(String name) {
        try (InputStream in = CardPhotos.class.getResourceAsStream("/photos/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mat scene(BufferedImage card, Placement placement) {
        return scene(card, placement.corners);
    }

    private static Mat scene(BufferedImage card, Point... corners) {
        Mat table = table();
        Mat cardMat = Imgcodecs.imdecode(new MatOfByte(png(card)), Imgcodecs.IMREAD_COLOR);
        MatOfPoint2f from = new MatOfPoint2f(new Point(0, 0), new Point(CARD_WIDTH - 1, 0),
                new Point(CARD_WIDTH - 1, CARD_HEIGHT - 1), new Point(0, CARD_HEIGHT - 1));
        Mat transform = Imgproc.getPerspectiveTransform(from, new MatOfPoint2f(corners));
        Mat warped = new Mat();
        Imgproc.warpPerspective(cardMat, warped, transform, table.size(), Imgproc.INTER_LINEAR);
        Mat mask = new Mat();
        Imgproc.warpPerspective(new Mat(cardMat.size(), CvType.CV_8UC1, new Scalar(255)), mask, transform,
                table.size(), Imgproc.INTER_NEAREST);
        warped.copyTo(table, mask);
        return table;
    }

    /** A dark wooden table: a gradient with grain, so the background is not trivially uniform. */
    private static Mat table() {
        Mat table = new Mat(SCENE_HEIGHT, SCENE_WIDTH, CvType.CV_8UC3);
        Random random = new Random(42);
        byte[] row = new byte[SCENE_WIDTH * 3];
        for (int y = 0; y < SCENE_HEIGHT; y++) {
            for (int x = 0; x < SCENE_WIDTH; x++) {
                double grain = 8 * Math.sin(x / 23.0 + Math.sin(y / 57.0) * 3) + random.nextGaussian() * 3;
                double shade = 60 + 25.0 * y / SCENE_HEIGHT + grain;
                row[x * 3] = (byte) clamp(shade * 0.55);
                row[x * 3 + 1] = (byte) clamp(shade * 0.75);
                row[x * 3 + 2] = (byte) clamp(shade);
            }
            table.put(y, 0, row);
        }
        return table;
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(Mat image) {
        MatOfByte encoded = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, encoded, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 90));
        return encoded.toArray();
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, value));
    }
}
