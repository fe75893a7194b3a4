package org.elicence.application.rest;

import org.elicence.application.service.ProblemCode;
import org.elicence.application.service.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.elicence.application.service.UploadAdmission;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

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
     * instead of 503 with Retry-After. A body over the limit is not drained (the connection is closed instead), nor
     * one that UploadAdmission did not count ({@code drain} empty: its applicant's bodies or the instance's drains
     * are at their limit): each drain holds a worker thread for as long as the client takes to send, so the refusal
     * is answered at once and the body cut off after it. Vert.x keeps a connection open by what the request says,
     * whatever the response's {@code Connection} header, and the unread body would hold it (and over HTTP/2 the
     * connection's flow-control window, shared by its other streams) until the idle timeout: once the answer is
     * written, an HTTP/1.x connection is closed (as Quarkus closes it after a 413) and an HTTP/2 stream reset. The
     * routing context's end handlers are added to, not replaced: UploadDeadline's cancels its timer there.
     */
    static void discard(InputStream body, int maxBytes, Optional<UploadAdmission.Drain> drain,
            RoutingContext context) {
        if (drain.isEmpty()) {
            HttpServerResponse response = context.response();
            if (context.request().version() == HttpVersion.HTTP_2) {
                context.addEndHandler(answered -> response.reset(0));
            } else {
                response.putHeader("Connection", "close");
                context.addEndHandler(answered -> response.close());
            }
            return;
        }
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try (UploadAdmission.Drain counted = drain.get(); InputStream in = body) {
            int n;
            while (in != null && total <= maxBytes && (n = in.read(chunk)) >= 0) {
                total += n;
            }
        } catch (IOException clientWentAway) {
            // nothing to answer to
        }
    }

    /** A body as read: {@code length} bytes at the start of {@code buffer}. */
    record ReadBody(byte[] buffer, int length) {
        /** The body in an array of its own size: the buffer itself, or a copy (taken under the processing share). */
        byte[] bytes() {
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        }
    }

    /**
     * At most {@code maxBytes} of the body; more is a 413, none a 400 (a body that takes too long to arrive is reset:
     * UploadDeadline). The body is read into one array: of the declared length, or without one of the largest
     * accepted size, cut to what came once the processing share is held (ReadBody.bytes). A growing buffer would take
     * up to three times a large body at its peak, and the JDK's {@code readNBytes} collects chunks and copies them,
     * twice the body.
     */
    static ReadBody read(InputStream body, int maxBytes, long declaredLength) {
        if (declaredLength == 0) {
            // no array of the largest size for a body declared empty: its share of the budget is the smallest
            throw new ProblemException(ProblemCode.EMPTY_UPLOAD);
        }
        boolean declared = declaredLength > 0 && declaredLength <= maxBytes;
        byte[] bytes = new byte[declared ? (int) declaredLength : maxBytes + 1];
        int filled = 0;
        try (InputStream in = body) {
            int n;
            while (in != null && filled < bytes.length && (n = in.read(bytes, filled, bytes.length - filled)) >= 0) {
                filled += n;
            }
        } catch (IOException e) {
            throw incomplete();
        }
        if (declared) {
            if (filled < bytes.length) {
                throw incomplete();
            }
            return new ReadBody(bytes, filled);
        }
        if (filled > maxBytes) {
            throw tooLarge(-1, maxBytes);
        }
        if (filled == 0) {
            throw new ProblemException(ProblemCode.EMPTY_UPLOAD);
        }
        return new ReadBody(bytes, filled);
    }

    private static ProblemException incomplete() {
        return new ProblemException(ProblemCode.INCOMPLETE_UPLOAD);
    }
}
