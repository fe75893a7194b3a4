package org.elicence.messaging.outbox;

/** Fired when a transaction wrote to the outbox, so the relay can publish right after the commit. */
public record OutboxWritten(String eventType) {
}
