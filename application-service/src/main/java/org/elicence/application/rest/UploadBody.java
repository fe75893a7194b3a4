package org.elicence.application.rest;

import org.elicence.application.service.ProblemCode;
import org.elicence.application.service.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The HTTP side of an image upload: the declared type, matched exactly (a parameter such as {@code ;q=1} is
 * allowed, {@code image/jpegxyz} is not), and the body, read as a stream and never beyond the upload limit
 * whether or not a Content-Length was sent (chunked bodies included).
 */
final class UploadBody {

    private UploadBody() {
    }

    static void requireImageType(String declared) {
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("image/jpeg") && !type.equals("image/png")) {
            throw ProblemException.variant(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "image");
        }
    }

    static ProblemException tooLarge(long bytes, int maxBytes) {
        return bytes > 0 ? new ProblemException(ProblemCode.IMAGE_TOO_LARGE, bytes, maxBytes)
                : ProblemException.variant(ProblemCode.IMAGE_TOO_LARGE, "unknown-size", bytes, maxBytes);
    }

    /**
     * Reads and throws away what the client still sends (up to {@code maxBytes}), so that a refusal answered before
     * the body was read reaches the client. Closing a connection whose request bytes are still unread makes the
     * kernel reset it, and a client still writing its body then loses the answer: the app saw "connection reset"
     * instead of 503 with Retry-After. A body over the limit is not drained (the connection is closed instead).
     */
    static void discard(InputStream body, int maxBytes) {
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = body) {
            int n;
            while (in != null && total <= maxBytes && (n = in.read(chunk)) >= 0) {
                total += n;
            }
        } catch (IOException clientWentAway) {
            // nothing to answer to
        }
    }

    /**
     * At most {@code maxBytes} of the body; more is a 413, none a 400. With a declared length the body is read into
     * one array of that size: a growing buffer would take up to three times a large body at its peak (the doubled
     * array, the one it replaces, then the final copy), which the upload's share of the heap does not cover.
     */
    static byte[] read(InputStream body, int maxBytes, long declaredLength) {
        if (declaredLength > 0 && declaredLength <= maxBytes) {
            return readDeclared(body, (int) declaredLength);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = body) {
            int n;
            while (in != null && (n = in.read(chunk)) >= 0) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge(-1, maxBytes);
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw incomplete();
        }
        if (out.size() == 0) {
            throw new ProblemException(ProblemCode.EMPTY_UPLOAD);
        }
        return out.toByteArray();
    }

    private static byte[] readDeclared(InputStream body, int length) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw incomplete();
            }
            return bytes;
        } catch (IOException e) {
            throw incomplete();
        }
    }

    private static ProblemException incomplete() {
        return new ProblemException(ProblemCode.INCOMPLETE_UPLOAD);
    }
}
