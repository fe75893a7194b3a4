package org.elicence.application.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Crafted images: a phone JPEG's metadata (EXIF with names, XMP with GPS, a comment), PNG text, trailers, lying headers. */
public final class IntakeImages {

    /** Text the crafted metadata carries and no stored or sent copy may. */
    public static final List<String> PERSONAL_TEXT = List.of("Zhang Wei", "GPSLatitude", "39.9042", "secret comment");

    private IntakeImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /** A JPEG of noise, about {@code targetBytes} long (at most), for maximum-size uploads. */
    public static byte[] noiseJpeg(int targetBytes) {
        int side = 1000;
        byte[] best = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(side);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            byte[] encoded = encode(image, "jpg");
            if (encoded.length <= targetBytes && (best == null || encoded.length > best.length)) {
                best = encoded;
            }
            if (best != null && best.length > targetBytes * 0.95) {
                return best;
            }
            side = (int) (side * Math.sqrt(targetBytes * 0.98 / encoded.length));
        }
        return best;
    }

    /** EXIF (orientation, artist), XMP with a GPS position and a comment, inserted after SOI, as phones write them. */
    public static byte[] withMetadata(byte[] jpeg, int orientation) {
        byte[] artist = "Zhang Wei\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        writeAll(tiff, 'I', 'I', 42, 0, 8, 0, 0, 0, 2, 0);
        writeAll(tiff, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0);
        writeAll(tiff, 0x3B, 0x01, 2, 0, artist.length, 0, 0, 0, 38, 0, 0, 0);
        writeAll(tiff, 0, 0, 0, 0);
        tiff.writeBytes(artist);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.toByteArray()));
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>39.9042</exif:GPSLatitude>"
                + "</x:xmpmeta>").getBytes(StandardCharsets.ISO_8859_1));
        segment(out, 0xFE, "secret comment".getBytes(StandardCharsets.ISO_8859_1));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static byte[] withTrailer(byte[] image, String trailer) {
        return concat(image, trailer.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A tEXt chunk right after IHDR. */
    public static byte[] withPngText(byte[] png, String key, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        chunk(out, "tEXt", (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1));
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    /** A PNG whose IHDR declares the given size over a tiny image: a decompression bomb as far as headers go. */
    public static byte[] pngDeclaring(int width, int height) {
        return pngDeclaring(width, height, 8);
    }

    /** The same, its IHDR also declaring {@code bitDepth}-bit RGB samples. */
    public static byte[] pngDeclaring(int width, int height, int bitDepth) {
        byte[] png = png(200, 200).clone();
        putInt(png, 16, width);
        putInt(png, 20, height);
        png[24] = (byte) bitDepth;
        png[25] = 2;
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        putInt(png, 29, (int) crc.getValue());
        return png;
    }

    /** A progressive JPEG (ten scans, chroma halved both ways) of the same picture. */
    public static byte[] progressiveJpeg(int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(picture(width, height), null, null), param);
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The JPEG with {@code extra} more scans before its end, each a few bytes (one coefficient of the luminance,
     * nothing in it): what a scan bomb is made of, thousands of scans each costing the decoder a pass.
     */
    public static byte[] withExtraScans(byte[] jpeg, int extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, jpeg.length - 2);
        for (int i = 0; i < extra; i++) {
            writeAll(out, 0xFF, 0xDA, 0, 8, 1, 1, 0, 63, 63, 0, 0x3F, 0xFF, 0x00);
        }
        writeAll(out, 0xFF, 0xD9);
        return out.toByteArray();
    }

    /** The same JPEG with its frame header (baseline or progressive) claiming another size. */
    public static byte[] jpegDeclaring(byte[] jpeg, int width, int height) {
        byte[] forged = jpeg.clone();
        for (int i = 2; i + 9 < forged.length; i++) {
            if ((forged[i] & 0xFF) == 0xFF && ((forged[i + 1] & 0xFF) == 0xC0 || (forged[i + 1] & 0xFF) == 0xC2)) {
                forged[i + 5] = (byte) (height >> 8);
                forged[i + 6] = (byte) height;
                forged[i + 7] = (byte) (width >> 8);
                forged[i + 8] = (byte) width;
                return forged;
            }
        }
        throw new IllegalStateException("no SOF0 or SOF2");
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 6, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        writeAll(out, 0xFF, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xFF);
        out.writeBytes(payload);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] header = new byte[8];
        putInt(header, 0, data.length);
        System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, header, 4, 4);
        out.writeBytes(header);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(header, 4, 4);
        crc.update(data);
        byte[] value = new byte[4];
        putInt(value, 0, (int) crc.getValue());
        out.writeBytes(value);
    }

    private static void writeAll(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static void putInt(byte[] b, int pos, int value) {
        b[pos] = (byte) (value >>> 24);
        b[pos + 1] = (byte) (value >>> 16);
        b[pos + 2] = (byte) (value >>> 8);
        b[pos + 3] = (byte) value;
    }
}
