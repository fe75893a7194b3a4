package org.elicence.messaging.image;

import java.util.Optional;

/**
 * What the header of an uploaded JPEG or PNG says, read before any pixel is decoded: its format, its width and
 * height, where the image ends, how many scans a JPEG has, and how much memory decoding it takes. A JPEG ends at
 * its EOI marker after the scan data, a PNG after its IEND chunk; bytes after that end (phones append motion-photo
 * videos or vendor trailers) are not part of the image. {@code end} is -1 when the file stops before its end: it is
 * truncated. Shared (issue 14) so that the intake (application-service), the card path and the photo path
 * (photo-audit-service) find an image's end, and judge what it costs to decode, alike.
 * <p>
 * {@code decodeBytes} is the most memory any of our decodes of every pixel into 8-bit BGR takes, judged from the
 * header alone (docs/photo-audit.md, "What a decode costs"): the decoded samples (3 bytes a pixel for an ordinary
 * photo); for samples that are not 8-bit BGR, their conversion; a second copy when the EXIF orientation turns the
 * picture a quarter (it is decoded, then transposed); and for a JPEG with more than one scan (every progressive
 * JPEG) the decoder's whole-image coefficient buffer, 2 bytes for each of the 64 coefficients of every 8 x 8 block
 * of every component, which the decoder must hold until the last scan has arrived. A 40-megapixel baseline JPEG
 * thus takes 120 MB, the same picture saved as a progressive JPEG without chroma subsampling 360 MB (OpenCV 4.9
 * measured 359 MB), and as a 16-bit PNG 360 MB: the pixel count alone does not bound the memory.
 */
public record UploadedImageHeader(String format, int width, int height, int end, int scans, long decodeBytes) {

    private static final int BGR = 3;

    public boolean truncated() {
        return end < 0;
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The header of a JPEG or PNG file; empty for anything else or a header that makes no sense. */
    public static Optional<UploadedImageHeader> read(byte[] b) {
        // the formats recognised as the metadata stripper recognises them: one test of a file's signature
        if (MetadataStripper.isPng(b)) {
            return png(b);
        }
        if (MetadataStripper.isJpeg(b)) {
            return jpeg(b);
        }
        return Optional.empty();
    }

    private static Optional<UploadedImageHeader> png(byte[] b) {
        if (b.length < 33 || !"IHDR".equals(new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        int width = int32(b, 16);
        int height = int32(b, 20);
        int bitDepth = b[24] & 0xFF;
        int colourType = b[25] & 0xFF;
        boolean transparency = false;
        int orientation = 1;
        int end = -1;
        long at = 8;
        while (at + 12 <= b.length) {
            long length = int32(b, (int) at) & 0xFFFFFFFFL;
            String type = new String(b, (int) at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            transparency |= type.equals("tRNS");
            if (type.equals("eXIf") && orientation == 1) {
                orientation = Exif.orientation(b, (int) at + 8, (int) Math.min(length, b.length - at - 8));
            }
            at += 12 + length;
            if (type.equals("IEND") && at <= b.length) {
                end = (int) at;
                break;
            }
        }
        if (width <= 0 || height <= 0) {
            return Optional.empty();
        }
        // the channels OpenCV decodes a PNG into: grey stays grey, any alpha (or a tRNS chunk on colour) gives four
        int channels = switch (colourType) {
            case 0 -> 1;
            case 2, 3 -> transparency ? 4 : 3;
            default -> 4;
        };
        long pixels = (long) width * height;
        long decodeBytes = samplesAndConversion(pixels, channels, bitDepth > 8 ? 2 : 1, orientation);
        return Optional.of(new UploadedImageHeader("png", width, height, end, 0, decodeBytes));
    }

    private static Optional<UploadedImageHeader> jpeg(byte[] b) {
        Frame frame = null;
        int scans = 0;
        int orientation = 1;
        int at = 2;
        while (at + 1 < b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            if (marker == 0xD9) {
                return frame == null || scans == 0 ? Optional.empty()
                        : Optional.of(frame.header(scans, at + 2, orientation));
            }
            if (at + 4 > b.length) {
                break;
            }
            int length = uint16(b, at + 2);
            if (length < 2) {
                return Optional.empty();
            }
            if (marker == 0xE1 && scans == 0 && orientation == 1 && Exif.isExif(b, at + 4, length - 2)) {
                orientation = Exif.orientation(b, at + 10, length - 8);
            }
            if (isStartOfFrame(marker) && frame == null) {
                frame = Frame.read(b, at + 4, Math.min(length - 2, b.length - at - 4), marker);
                if (frame == null) {
                    return Optional.empty();
                }
            }
            if (marker == 0xDA) {
                if (frame == null) {
                    return Optional.empty();
                }
                scans++;
                int next = endOfEntropyCodedData(b, at + 2 + length);
                if (next < 0) {
                    break;
                }
                at = next;
                continue;
            }
            at += 2 + length;
        }
        return frame == null ? Optional.empty() : Optional.of(frame.header(scans, -1, orientation));
    }

    /** A JPEG's frame header (SOF): size, sample precision, progressive or not, and each component's sampling. */
    private record Frame(int width, int height, int precision, boolean progressive, int[] horizontal,
            int[] vertical) {

        static Frame read(byte[] b, int at, int length, int marker) {
            if (length < 6) {
                return null;
            }
            int components = b[at + 5] & 0xFF;
            if (components < 1 || components > 4 || length < 6 + 3 * components) {
                return null;
            }
            int[] horizontal = new int[components];
            int[] vertical = new int[components];
            for (int c = 0; c < components; c++) {
                int sampling = b[at + 7 + 3 * c] & 0xFF;
                horizontal[c] = sampling >> 4;
                vertical[c] = sampling & 0x0F;
                if (horizontal[c] < 1 || horizontal[c] > 4 || vertical[c] < 1 || vertical[c] > 4) {
                    return null;
                }
            }
            int height = uint16(b, at + 1);
            int width = uint16(b, at + 3);
            // SOF2, SOF6, SOF10, SOF14: progressive
            boolean progressive = (marker & 0x03) == 0x02;
            return width > 0 && height > 0
                    ? new Frame(width, height, b[at] & 0xFF, progressive, horizontal, vertical)
                    : null;
        }

        UploadedImageHeader header(int scans, int end, int orientation) {
            long pixels = (long) width * height;
            // a greyscale JPEG decodes to one channel, colour and CMYK to BGR
            long decodeBytes = samplesAndConversion(pixels, horizontal.length == 1 ? 1 : BGR, precision > 8 ? 2 : 1,
                    orientation);
            if (progressive || scans > 1) {
                decodeBytes += coefficientBuffer();
            }
            return new UploadedImageHeader("jpeg", width, height, end, scans, decodeBytes);
        }

        /** What libjpeg keeps for a multi-scan image: every block of every component, padded to whole MCUs. */
        private long coefficientBuffer() {
            int maxHorizontal = java.util.Arrays.stream(horizontal).max().orElse(1);
            int maxVertical = java.util.Arrays.stream(vertical).max().orElse(1);
            long bytes = 0;
            for (int c = 0; c < horizontal.length; c++) {
                long blocksWide = roundUp(ceilDiv((long) width * horizontal[c], 8L * maxHorizontal), horizontal[c]);
                long blocksHigh = roundUp(ceilDiv((long) height * vertical[c], 8L * maxVertical), vertical[c]);
                bytes += blocksWide * blocksHigh * 64 * 2;
            }
            return bytes;
        }
    }

    /**
     * The decoded samples, plus what turning them into 8-bit BGR adds: an 8-bit copy of samples wider than a byte,
     * and a BGR copy of anything that is not three channels; and a second copy of the samples when the EXIF
     * orientation turns the picture a quarter (5-8: the decoder transposes it into a new image; flips are done in
     * place). A PNG may declare sides of 2^31 pixels: beyond what any long holds, the cost is the largest long.
     */
    private static long samplesAndConversion(long pixels, int channels, int bytesPerSample, int orientation) {
        if (pixels > Long.MAX_VALUE / 32) {
            return Long.MAX_VALUE;
        }
        long samples = pixels * channels * bytesPerSample;
        long bytes = orientation >= 5 ? 2 * samples : samples;
        if (bytesPerSample > 1) {
            bytes += pixels * channels;
        }
        if (channels != BGR) {
            bytes += pixels * BGR;
        }
        return bytes;
    }

    /**
     * Where the entropy-coded data from {@code from} ends: the first marker that is neither a stuffed 0xFF00, a
     * restart marker nor fill; -1 if the file ends first.
     */
    private static int endOfEntropyCodedData(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long roundUp(long value, long multiple) {
        return ceilDiv(value, multiple) * multiple;
    }

    private static int uint16(byte[] b, int at) {
        return at + 1 < b.length ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : 0;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
