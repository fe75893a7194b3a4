package org.elicence.messaging.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a JPEG's structure without decoding a pixel: the frame size from its SOF header, the EXIF orientation,
 * and a copy with every metadata segment removed. Kept: the frame, quantisation and Huffman tables, restart
 * interval, an Adobe APP14 (how the colours are coded) and the entropy-coded scans up to the end marker; a JFIF
 * APP0 is rewritten without its thumbnail. Dropped: EXIF (GPS position, camera owner, dates, thumbnail), XMP,
 * IPTC, ICC and multi-picture APP2, maker notes, comments, and any bytes after the end marker (trailers such as
 * a motion photo's video). The orientation survives as a one-field EXIF, so decoders still turn the pixels
 * upright (OpenCV applies it when it decodes) without decoding and re-compressing the photo here.
 */
final class JpegStripper {

    private JpegStripper() {
    }

    static StrippedImage strip(byte[] b) {
        Reader in = new Reader(b);
        // everything after SOI; the orientation segment goes right after SOI, where EXIF belongs
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int width = -1;
        int height = -1;
        int orientation = 1;
        boolean scanned = false;
        int pos = 2;
        while (true) {
            int marker = in.marker(pos);
            pos = in.afterMarker(pos);
            if (marker == 0xD9) {
                break;
            }
            if (marker == 0xDA) {
                // a scan: its header, then entropy-coded data up to the next marker that is not RSTn or a stuffed 0xFF
                int length = in.u16(pos);
                if (length < 2) {
                    throw new BrokenImageException("a JPEG scan header is shorter than its own length field");
                }
                in.require(pos + length);
                scanned = true;
                out.write(0xFF);
                out.write(marker);
                out.write(b, pos, length);
                int end = in.endOfEntropyData(pos + length);
                out.write(b, pos + length, end - pos - length);
                pos = end;
                continue;
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue;
            }
            int length = in.u16(pos);
            if (length < 2) {
                throw new BrokenImageException("a JPEG segment is shorter than its own length field");
            }
            in.require(pos + length);
            if (isFrame(marker)) {
                in.require(pos + 7);
                height = in.u16(pos + 3);
                width = in.u16(pos + 5);
            }
            if (marker == 0xE1 && !scanned && orientation == 1 && Exif.isExif(b, pos + 2, length - 2)) {
                orientation = Exif.orientation(b, pos + 8, length - 8);
            }
            if (marker == 0xE0 && length >= 16 && startsWith(b, pos + 2, "JFIF\0")) {
                // JFIF 1.0x header without its thumbnail
                out.write(0xFF);
                out.write(0xE0);
                out.write(0);
                out.write(16);
                out.write(b, pos + 2, 12);
                out.write(0);
                out.write(0);
            } else if (keep(marker)) {
                out.write(0xFF);
                out.write(marker);
                out.write(b, pos, length);
            }
            pos += length;
        }
        if (width <= 0 || height <= 0) {
            throw new BrokenImageException("the JPEG has no frame header");
        }
        out.write(0xFF);
        out.write(0xD9);
        ByteArrayOutputStream stripped = new ByteArrayOutputStream(out.size() + 64);
        stripped.write(0xFF);
        stripped.write(0xD8);
        if (orientation != 1) {
            stripped.writeBytes(Exif.orientationSegment(orientation));
        }
        try {
            out.writeTo(stripped);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return new StrippedImage("image/jpeg", width, height, orientation, stripped.toByteArray());
    }

    /** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** What decoding needs: frames, tables, restart interval, Adobe colour transform. */
    private static boolean keep(int marker) {
        return isFrame(marker) || marker == 0xC4 || marker == 0xCC || marker == 0xDB || marker == 0xDD
                || marker == 0xEE || marker == 0xDC;
    }

    private static boolean startsWith(byte[] b, int pos, String text) {
        if (pos + text.length() > b.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b[pos + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Bounds-checked reading; running off the end means the upload is incomplete. */
    private record Reader(byte[] b) {

        void require(int end) {
            if (end > b.length) {
                throw BrokenImageException.incomplete("the JPEG ends before its end marker: an incomplete file");
            }
        }

        int u16(int pos) {
            require(pos + 2);
            return (b[pos] & 0xFF) << 8 | b[pos + 1] & 0xFF;
        }

        /** The marker at {@code pos} (fill bytes 0xFF skipped). */
        int marker(int pos) {
            require(pos + 2);
            if ((b[pos] & 0xFF) != 0xFF) {
                throw new BrokenImageException("the JPEG's structure is broken (no marker where one belongs)");
            }
            int p = pos;
            while (p < b.length && (b[p] & 0xFF) == 0xFF) {
                p++;
            }
            require(p + 1);
            return b[p] & 0xFF;
        }

        int afterMarker(int pos) {
            int p = pos;
            while ((b[p] & 0xFF) == 0xFF) {
                p++;
            }
            return p + 1;
        }

        /** The position of the first real marker after entropy-coded data starting at {@code pos}. */
        int endOfEntropyData(int pos) {
            for (int p = pos; p + 1 < b.length; p++) {
                if ((b[p] & 0xFF) == 0xFF) {
                    int next = b[p + 1] & 0xFF;
                    if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                        return p;
                    }
                }
            }
            throw BrokenImageException.incomplete("the JPEG ends before its end marker: an incomplete file");
        }
    }
}
