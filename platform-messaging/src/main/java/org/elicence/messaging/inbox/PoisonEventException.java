package org.elicence.messaging.inbox;

/**
 * An event that can never be processed (missing CloudEvents headers, unknown type, invalid JSON,
 * schema violation). It is dead-lettered at once instead of retried. The message must not contain
 * personal data: it travels in the dead letter's reason header.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
