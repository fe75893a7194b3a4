package org.elicence.licence.credential.status;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.elicence.licence.credential.Encoding;

/**
 * A Token Status List (draft-ietf-oauth-status-list, "Status List"): one status value of {@code bits} bits per
 * credential index, packed into bytes from the least significant bit up (index 0 is bit 0 of byte 0), then
 * compressed with DEFLATE in the ZLIB format and base64url-encoded as {@code lst}.
 *
 * <p>This issuer uses 2 bits, enough for the three status types the draft defines: VALID, INVALID (revoked or
 * superseded by a renewal: never valid again) and SUSPENDED (may become valid again).
 */
public final class StatusList {

    public static final int VALID = 0x00;
    public static final int INVALID = 0x01;
    public static final int SUSPENDED = 0x02;

    /** 16 MiB of statuses is 64 million credentials at 2 bits; anything larger is not a list of ours. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private final int bits;
    private final byte[] bytes;

    private StatusList(int bits, byte[] bytes) {
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
        }
        this.bits = bits;
        this.bytes = bytes;
    }

    /** A list of at least {@code size} entries, all VALID. */
    public static StatusList allValid(int bits, long size) {
        long entriesPerByte = 8L / bits;
        return new StatusList(bits, new byte[Math.toIntExact((size + entriesPerByte - 1) / entriesPerByte)]);
    }

    /** Reads the {@code status_list} claim's members; {@link IllegalArgumentException} if {@code lst} is not one. */
    public static StatusList decode(int bits, String lst) {
        try {
            Inflater inflater = new Inflater();
            inflater.setInput(Base64.getUrlDecoder().decode(lst));
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("lst is truncated");
                }
                out.write(buffer, 0, read);
                if (out.size() > MAX_BYTES) {
                    throw new IllegalArgumentException("lst inflates beyond " + MAX_BYTES + " bytes");
                }
            }
            inflater.end();
            return new StatusList(bits, out.toByteArray());
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("lst is not ZLIB-compressed", e);
        }
    }

    public int bits() {
        return bits;
    }

    /** How many entries the list holds (a whole number of bytes' worth). */
    public long size() {
        return (long) bytes.length * (8 / bits);
    }

    public int get(long index) {
        requireIndex(index);
        int shift = (int) (index % (8 / bits)) * bits;
        return (bytes[(int) (index / (8 / bits))] >> shift) & mask();
    }

    public void set(long index, int value) {
        requireIndex(index);
        if (value < 0 || value > mask()) {
            throw new IllegalArgumentException("status " + value + " does not fit in " + bits + " bits");
        }
        int position = (int) (index / (8 / bits));
        int shift = (int) (index % (8 / bits)) * bits;
        bytes[position] = (byte) ((bytes[position] & ~(mask() << shift)) | (value << shift));
    }

    /** The {@code lst} member: ZLIB at the best compression, as the draft recommends, base64url without padding. */
    public String lst() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(bytes);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Encoding.base64Url(out.toByteArray());
    }

    /** The packed, uncompressed bytes (what the draft's examples show). */
    byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    private int mask() {
        return (1 << bits) - 1;
    }

    private void requireIndex(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("status list index " + index + " outside 0.." + (size() - 1));
        }
    }
}
