package org.elicence.messaging.image;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads a PNG's size from IHDR without inflating a pixel, and copies it keeping only the chunks that decide how the
 * pixels look (IHDR, PLTE, tRNS, gAMA, cHRM, sRGB, sBIT, IDAT, IEND). Text chunks, EXIF, timestamps, ICC
 * profiles, animation frames and anything after IEND are dropped; an EXIF orientation is kept as a one-field
 * eXIf chunk.
 */
final class PngStripper {

    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "IDAT", "IEND");

    private PngStripper() {
    }

    static StrippedImage strip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int width = -1;
        int height = -1;
        int orientation = 1;
        int pos = 8;
        boolean ended = false;
        boolean orientationWritten = false;
        while (!ended) {
            if (pos + 12 > b.length) {
                throw BrokenImageException.incomplete("the PNG ends before its IEND chunk: an incomplete file");
            }
            long length = u32(b, pos);
            String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (length > b.length - pos - 12L) {
                throw BrokenImageException.incomplete("the PNG ends before its IEND chunk: an incomplete file");
            }
            int data = pos + 8;
            if (pos == 8) {
                if (!type.equals("IHDR") || length != 13) {
                    throw new BrokenImageException("the PNG does not start with its header chunk");
                }
                width = (int) Math.min(Integer.MAX_VALUE, u32(b, data));
                height = (int) Math.min(Integer.MAX_VALUE, u32(b, data + 4));
            }
            if (type.equals("eXIf") && orientation == 1) {
                orientation = Exif.orientation(b, data, (int) length);
            }
            if (KEPT.contains(type)) {
                if (type.equals("IDAT") && orientation != 1 && !orientationWritten) {
                    writeChunk(out, "eXIf", Exif.orientationTiff(orientation));
                    orientationWritten = true;
                }
                out.write(b, pos, (int) length + 12);
            }
            ended = type.equals("IEND");
            pos += (int) length + 12;
        }
        if (width <= 0 || height <= 0) {
            throw new BrokenImageException("the PNG header gives no size");
        }
        return new StrippedImage("image/png", width, height, orientation, out.toByteArray());
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        out.write(data.length >>> 24);
        out.write(data.length >>> 16);
        out.write(data.length >>> 8);
        out.write(data.length);
        out.write(typeBytes, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long value = crc.getValue();
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
    }

    private static long u32(byte[] b, int pos) {
        return (long) (b[pos] & 0xFF) << 24 | (b[pos + 1] & 0xFF) << 16 | (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
    }
}
