package org.elicence.system;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Images no camera makes: truncated, lying about their size, or not images at all. */
final class HostileImages {

    private HostileImages() {
    }

    /** Bodies the upload must refuse at once (not JPEG or PNG by their bytes, empty, too large). */
    static Map<String, byte[]> refusedAtTheDoor() {
        Map<String, byte[]> images = new LinkedHashMap<>();
        images.put("empty body", new byte[0]);
        images.put("text declared as JPEG", "just some text, not a picture".getBytes(StandardCharsets.UTF_8));
        images.put("PDF declared as JPEG", "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII));
        images.put("GIF", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1));
        images.put("random bytes", random(4096, 7));
        images.put("17 MiB body with a JPEG signature", withJpegSignature(random(17 * 1024 * 1024, 11)));
        return images;
    }

    /** Bodies that look like images by their first bytes, so they are accepted and must fail in the audit. */
    static Map<String, byte[]> acceptedThenRejectedByTheAudit(byte[] realJpeg) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        images.put("JPEG truncated to 2 KiB", Arrays.copyOf(realJpeg, 2048));
        images.put("JPEG signature then garbage", withJpegSignature(random(64 * 1024, 13)));
        images.put("PNG bomb: 60000x60000 declared, a few hundred bytes", pngBomb(60_000, 60_000));
        images.put("JPEG whose frame header claims 65000x65000", jpegWithClaimedSize(realJpeg, 65_000, 65_000));
        return images;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] withJpegSignature(byte[] bytes) {
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    /** A valid PNG header declaring a huge image, with one deflated row of zeros: decoding it all would need GBs. */
    static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[width * 3 + 1]);
        deflater.finish();
        byte[] buffer = new byte[65536];
        int length = deflater.deflate(buffer);
        chunk(png, "IDAT", Arrays.copyOf(buffer, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The real JPEG with its first SOF0/SOF2 frame header rewritten to claim another size. */
    static byte[] jpegWithClaimedSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i + 8 < copy.length; i++) {
            if ((copy[i] & 0xFF) == 0xFF && ((copy[i + 1] & 0xFF) == 0xC0 || (copy[i + 1] & 0xFF) == 0xC2)) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
        }
        throw new IllegalArgumentException("no SOF0/SOF2 frame header found");
    }
}
