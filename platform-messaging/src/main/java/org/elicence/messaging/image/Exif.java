package org.elicence.messaging.image;

/**
 * The one EXIF field uploads keep: the orientation (tag 0x0112 of IFD0), read and written as TIFF. Intake
 * (application-service) keeps it through the stripping of metadata; {@link UploadedImageHeader} counts what turning
 * the decoded picture costs.
 */
public final class Exif {

    private static final int ORIENTATION_TAG = 0x0112;

    private Exif() {
    }

    /** An APP1 payload starting "Exif\0\0". */
    public static boolean isExif(byte[] b, int pos, int length) {
        return length >= 6 && pos + 6 <= b.length && b[pos] == 'E' && b[pos + 1] == 'x' && b[pos + 2] == 'i'
                && b[pos + 3] == 'f' && b[pos + 4] == 0 && b[pos + 5] == 0;
    }

    /** The orientation (1-8) in the TIFF structure at {@code pos}; 1 when absent or unreadable. */
    public static int orientation(byte[] b, int pos, int length) {
        int end = Math.min(b.length, pos + length);
        if (length < 8 || pos + 8 > end) {
            return 1;
        }
        boolean little = b[pos] == 'I' && b[pos + 1] == 'I';
        if (!little && !(b[pos] == 'M' && b[pos + 1] == 'M')) {
            return 1;
        }
        long ifd = u32(b, pos + 4, little);
        if (ifd < 8 || pos + ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, pos + (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = pos + (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** A complete APP1 segment (marker included) holding only the orientation, big-endian TIFF. */
    public static byte[] orientationSegment(int orientation) {
        return new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 34,
            'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,             // TIFF header, IFD0 at 8
            0, 1,                                    // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation SHORT 1
            0, 0, 0, 0};                             // no next IFD
    }

    /** The TIFF payload of {@link #orientationSegment} (for PNG's eXIf chunk). */
    public static byte[] orientationTiff(int orientation) {
        byte[] segment = orientationSegment(orientation);
        return java.util.Arrays.copyOfRange(segment, 10, segment.length);
    }

    private static int u16(byte[] b, int pos, boolean little) {
        return little ? (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 : (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
    }

    private static long u32(byte[] b, int pos, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            value |= (long) (b[pos + i] & 0xFF) << shift;
        }
        return value;
    }
}
