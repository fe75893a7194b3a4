package org.elicence.photoaudit.card.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Renders both sides of a fictional resident ID card in the real card's layout, 10 px per mm (856 x 540 for
 * 85.6 x 54 mm): on the portrait side the labels 姓名, 性别, 民族, 出生, 住址 and 公民身份号码 on the left, the
 * values beside them, the portrait on the right and the 18-character number along the bottom; on the emblem
 * side the emblem, 中华人民共和国 居民身份证, 签发机关 and 有效期限. The text is set in subsets of Noto Sans CJK SC
 * and Noto Serif CJK SC (src/test/resources/card-fonts, SIL OFL 1.1), so it renders alike on every machine.
 */
public final class CardRenderer {

    public static final int CARD_WIDTH = 856;
    public static final int CARD_HEIGHT = 540;
    private static final Color LABEL = new Color(40, 110, 170);
    private static final Color TEXT = new Color(20, 20, 25);
    private static final Font SANS = font("NotoSansSC-subset.otf");
    private static final Font SANS_BOLD = font("NotoSansSC-Bold-subset.otf");
    private static final Font SERIF = font("NotoSerifSC-subset.otf");

    private CardRenderer() {
    }

    /** The portrait side (人像面). */
    public static BufferedImage front(CardHolder holder) {
        return front(holder, portrait(holder.portrait()));
    }

    /** The portrait side of {@code holder}'s card printed with another portrait (head and shoulders, 4:5). */
    public static BufferedImage front(CardHolder holder, BufferedImage portrait) {
        return front(holder, portrait, new Color(226, 232, 238), new Color(238, 232, 220));
    }

    /**
     * The portrait side printed on a card of another colour (a gradient from {@code from} at the top left to
     * {@code to}): in a colour no photo holds, it shows where the card around the printed photo ends up.
     */
    public static BufferedImage front(CardHolder holder, BufferedImage portrait, Color from, Color to) {
        BufferedImage card = blankCard(from, to);
        Graphics2D g = graphics(card);
        label(g, "姓名", 60, 95);
        value(g, holder.name(), 160, 95, 34);
        label(g, "性别", 60, 160);
        value(g, holder.sex(), 160, 160, 30);
        label(g, "民族", 270, 160);
        value(g, "汉", 370, 160, 30);
        String[] birth = holder.birth();
        label(g, "出生", 60, 225);
        value(g, birth[0], 160, 225, 30);
        label(g, "年", 250, 225);
        value(g, birth[1], 300, 225, 30);
        label(g, "月", 345, 225);
        value(g, birth[2], 395, 225, 30);
        label(g, "日", 440, 225);
        label(g, "住址", 60, 290);
        String address = holder.address();
        int perLine = 11;
        for (int line = 0; line * perLine < address.length(); line++) {
            value(g, address.substring(line * perLine, Math.min(address.length(), (line + 1) * perLine)), 160,
                    290 + line * 45, 29);
        }
        label(g, "公民身份号码", 60, 470);
        g.setColor(TEXT);
        g.setFont(SANS_BOLD.deriveFont(38f));
        // Fixed pitch, as the card prints its number.
        for (int i = 0; i < holder.residentId().length(); i++) {
            g.drawString(String.valueOf(holder.residentId().charAt(i)), 300 + i * 28, 470);
        }
        g.drawImage(portrait, 548, 58, 256, 320, null);
        g.dispose();
        return card;
    }

    /** The emblem side (国徽面). */
    public static BufferedImage back(CardHolder holder) {
        BufferedImage card = blankCard(new Color(232, 236, 226), new Color(222, 230, 238));
        Graphics2D g = graphics(card);
        g.setColor(new Color(200, 30, 30));
        g.fillOval(60, 50, 150, 150);
        g.setColor(new Color(240, 200, 60));
        g.setStroke(new BasicStroke(6));
        g.drawOval(75, 65, 120, 120);
        g.fillPolygon(new int[] {135, 150, 190, 158, 170, 135, 100, 112, 80, 120},
                new int[] {80, 115, 115, 138, 175, 152, 175, 138, 115, 115}, 10);
        g.setColor(TEXT);
        g.setFont(SANS_BOLD.deriveFont(40f));
        g.drawString("中华人民共和国", 260, 115);
        g.setFont(SANS_BOLD.deriveFont(64f));
        g.drawString("居民身份证", 260, 205);
        label(g, "签发机关", 120, 410);
        value(g, holder.authority(), 260, 410, 30);
        label(g, "有效期限", 120, 470);
        value(g, holder.validity(), 260, 470, 30);
        g.dispose();
        return card;
    }

    private static void label(Graphics2D g, String text, int x, int y) {
        g.setColor(LABEL);
        g.setFont(SANS.deriveFont(26f));
        g.drawString(text, x, y);
    }

    private static void value(Graphics2D g, String text, int x, int y, float size) {
        g.setColor(TEXT);
        g.setFont(SERIF.deriveFont(size));
        g.drawString(text, x, y);
    }

    private static BufferedImage blankCard(Color from, Color to) {
        BufferedImage card = new BufferedImage(CARD_WIDTH, CARD_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(card);
        g.setPaint(new GradientPaint(0, 0, from, CARD_WIDTH, CARD_HEIGHT, to));
        g.fill(new RoundRectangle2D.Double(0, 0, CARD_WIDTH, CARD_HEIGHT, 30, 30));
        g.setColor(new Color(208, 216, 226));
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

    private static BufferedImage portrait(String name) {
        try (InputStream in = CardRenderer.class.getResourceAsStream("/card-portraits/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no portrait " + name);
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font font(String name) {
        try (InputStream in = CardRenderer.class.getResourceAsStream("/card-fonts/" + name)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
