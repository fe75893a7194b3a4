package org.elicence.idcard.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.elicence.idcard.check.OpenCvLibrary;
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
 * Photographs of ID cards made at test time: a card rendered in 85.6 x 54 proportions (text, and on
 * the front a real public-domain face photograph), then "photographed" on a table: placed in
 * perspective, and optionally blurred, glared, cropped, low-resolution or mirrored. Fictional data only.
 */
public final class CardPhotos {

    public static final int CARD_WIDTH = 856;
    public static final int CARD_HEIGHT = 540;
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
        OpenCvLibrary.load();
    }

    /** The portrait side (人像面), with a face photograph on the right as on a Chinese resident ID card. */
    public static BufferedImage renderFront(String nameLatin, String residentId, String facePhoto) {
        BufferedImage card = blankCard(new Color(226, 232, 238), new Color(238, 232, 220));
        Graphics2D g = graphics(card);
        g.setColor(new Color(40, 40, 60));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        g.drawString("Name    " + nameLatin, 50, 90);
        g.drawString("Sex  F     Ethnicity  Han", 50, 150);
        g.drawString("Born  " + residentId.substring(6, 10) + " " + residentId.substring(10, 12) + " "
                + residentId.substring(12, 14), 50, 210);
        g.drawString("Address  12 Example Road,", 50, 270);
        g.drawString("Xicheng District, Beijing", 160, 310);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 34));
        g.drawString("ID No. " + residentId, 50, 470);
        BufferedImage face = photo(facePhoto);
        // Head and shoulders: the crop keeps the face large, as on a real card.
        BufferedImage headAndShoulders = face.getSubimage(96, 30, 320, 400);
        g.drawImage(headAndShoulders, 560, 60, 256, 320, null);
        g.dispose();
        return card;
    }

    /** The emblem side (国徽面): an emblem, the card's title, issuing authority and validity. */
    public static BufferedImage renderBack() {
        BufferedImage card = blankCard(new Color(232, 236, 226), new Color(222, 230, 238));
        Graphics2D g = graphics(card);
        g.setColor(new Color(200, 30, 30));
        g.fillOval(60, 50, 150, 150);
        g.setColor(new Color(240, 200, 60));
        g.setStroke(new BasicStroke(6));
        g.drawOval(75, 65, 120, 120);
        g.fillPolygon(new int[] {135, 150, 190, 158, 170, 135, 100, 112, 80, 120},
                new int[] {80, 115, 115, 138, 175, 152, 175, 138, 115, 115}, 10);
        g.setColor(new Color(30, 30, 30));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 38));
        g.drawString("PEOPLE'S REPUBLIC OF CHINA", 240, 110);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 52));
        g.drawString("RESIDENT IDENTITY CARD", 240, 190);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        g.drawString("Issuing authority   Xicheng Public Security Bureau", 100, 400);
        g.drawString("Valid   2008.09.10 - 2028.09.10", 100, 460);
        g.dispose();
        return card;
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

    /** A public-domain photograph from src/test/resources/faces, as stored. */
    public static byte[] photoBytes(String name) {
        try (InputStream in = CardPhotos.class.getResourceAsStream("/faces/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mat scene(BufferedImage card, Placement placement) {
        Mat table = table();
        Mat cardMat = Imgcodecs.imdecode(new MatOfByte(png(card)), Imgcodecs.IMREAD_COLOR);
        MatOfPoint2f from = new MatOfPoint2f(new Point(0, 0), new Point(CARD_WIDTH - 1, 0),
                new Point(CARD_WIDTH - 1, CARD_HEIGHT - 1), new Point(0, CARD_HEIGHT - 1));
        Mat transform = Imgproc.getPerspectiveTransform(from, new MatOfPoint2f(placement.corners));
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

    private static BufferedImage blankCard(Color from, Color to) {
        BufferedImage card = new BufferedImage(CARD_WIDTH, CARD_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(card);
        g.setPaint(new GradientPaint(0, 0, from, CARD_WIDTH, CARD_HEIGHT, to));
        g.fill(new RoundRectangle2D.Double(0, 0, CARD_WIDTH, CARD_HEIGHT, 30, 30));
        g.setColor(new Color(200, 210, 220));
        for (int x = -CARD_HEIGHT; x < CARD_WIDTH; x += 24) {
            g.drawLine(x, CARD_HEIGHT, x + CARD_HEIGHT, 0);
        }
        g.dispose();
        return card;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        return g;
    }

    private static BufferedImage photo(String name) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(photoBytes(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
