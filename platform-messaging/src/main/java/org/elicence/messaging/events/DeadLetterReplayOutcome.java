package org.elicence.messaging.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a service did with a {@link DeadLetterReplay}: {@code REPLAYED} (the dead letter was handled again, or found
 * handled already: events are de-duplicated by their id) or {@code REFUSED} with a {@code code} and a
 * {@code reason}; a refused replay changes nothing and the dead letter stays where it is. {@code receivedValue} is
 * the command as typed (its first 16,384 characters) on a refusal only; nothing of the dead letter's content is
 * repeated here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterReplayOutcome(String replayId, String service, String operatorId, String outcome,
        String code, String reason, String deadLetterTopic, Integer deadLetterPartition, Long deadLetterOffset,
        String replayedTopic, String eventType, String receivedValue, int sourcePartition, long sourceOffset,
        Instant handledAt) {

    public static final String REPLAYED = "REPLAYED";
    public static final String REFUSED = "REFUSED";

    /** The record does not match the schema, or names another service than the one it was sent to. */
    public static final String MALFORMED_REPLAY = "MALFORMED_REPLAY";
    public static final String OPERATOR_NOT_AUTHORISED = "OPERATOR_NOT_AUTHORISED";
    /** Nothing at that partition and offset of the service's dead-letter topic (a wrong offset, or past retention). */
    public static final String NO_SUCH_DEAD_LETTER = "NO_SUCH_DEAD_LETTER";
    /** The dead-letter topic could not be read (the broker away, a timeout): nothing was replayed; send it again. */
    public static final String DEAD_LETTER_UNREADABLE = "DEAD_LETTER_UNREADABLE";
    /** The dead letter does not say where it came from, or came from a topic this service does not consume. */
    public static final String NOT_REPLAYABLE = "NOT_REPLAYABLE";
    /** Handled again, it failed again: its reason says why; fix the cause, then replay it under a fresh replayId. */
    public static final String REPLAY_FAILED = "REPLAY_FAILED";
}
