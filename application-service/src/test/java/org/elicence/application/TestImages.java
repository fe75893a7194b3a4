package org.elicence.application;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** A small JPEG for upload plumbing tests; this service never looks at the pixels. */
final class TestImages {

    private TestImages() {
    }

    static byte[] jpeg() {
        // just above the intake's smallest accepted side (applications.images.min-side, 120 px)
        BufferedImage image = new BufferedImage(128, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 128, 160);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(32, 24, 64, 80);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
