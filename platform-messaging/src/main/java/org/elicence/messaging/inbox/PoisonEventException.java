package org.elicence.messaging.inbox;

import org.elicence.messaging.BoundedText;

/**
 * An event that can never be processed (missing CloudEvents headers, unknown type, invalid JSON,
 * schema violation). It is dead-lettered at once instead of retried. The message must not contain
 * personal data: it travels in the dead letter's reason header, cut to {@link #MAX_REASON_LENGTH} (a record with a
 * thousand unknown fields makes a thousand schema violations, and a reason of megabytes would not fit the
 * dead-letter topic beside the record).
 */
public class PoisonEventException extends RuntimeException {

    public static final int MAX_REASON_LENGTH = 2000;

    public PoisonEventException(String message) {
        super(BoundedText.cut(message, MAX_REASON_LENGTH));
    }

    public PoisonEventException(String message, Throwable cause) {
        super(BoundedText.cut(message, MAX_REASON_LENGTH), cause);
    }
}
