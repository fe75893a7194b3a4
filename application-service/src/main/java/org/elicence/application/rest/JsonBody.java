package org.elicence.application.rest;

import org.elicence.application.service.ProblemCode;
import org.elicence.application.service.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * A small JSON request body, read by the resource itself up to {@link #MAX_BYTES} whether or not a Content-Length was
 * sent: a chunked body past that is answered 413 problem+json here (left to the HTTP layer's own limit, a chunked body
 * would end in a bare 413). Parsed by the strict mapper (platform-messaging's json.StrictJson) and validated like a {@code @Valid} body.
 */
final class JsonBody {

    static final int MAX_BYTES = 64 * 1024;

    private JsonBody() {
    }

    static <T> T read(InputStream body, Class<T> type, ObjectMapper json, Validator validator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] chunk = new byte[8192];
        try (InputStream in = body) {
            int n;
            while (in != null && (n = in.read(chunk)) >= 0) {
                if (out.size() + n > MAX_BYTES) {
                    throw new ProblemException(ProblemCode.PAYLOAD_TOO_LARGE, MAX_BYTES);
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw ProblemException.variant(ProblemCode.MALFORMED_REQUEST, "unfinished");
        }
        T value;
        try {
            value = json.readValue(out.toByteArray(), type);
        } catch (IOException notJson) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST);
        }
        if (value == null) {
            throw ProblemException.variant(ProblemCode.INVALID_REQUEST, "no-body");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
