package org.elicence.messaging.events;

/**
 * An operator's order, typed with kcat onto {@code dead-letter-replays} and keyed by the service it is for, that
 * {@code service} handle again the dead letter at {@code partition}/{@code offset} of its own {@code <service>.dlq}.
 * The service reads the dead letter itself and hands it to the consumer that dead-lettered it, so no one writes
 * another's topic: each topic keeps its one writer. Like {@link IdCardReviewDecision} it needs no CloudEvents
 * headers; it is de-duplicated by {@code replayId} and must be signed by {@code operatorId}.
 */
public record DeadLetterReplay(String replayId, String operatorId, String service, int partition, long offset) {
}
