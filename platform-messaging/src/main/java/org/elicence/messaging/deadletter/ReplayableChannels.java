package org.elicence.messaging.deadletter;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer bean whose records may be dead-lettered: it names, for each of its incoming channels, the method its
 * {@code @Incoming} runs, so that an operator's {@link DeadLetterReplays replay} hands a dead letter to the very code
 * that dead-lettered it. Every channel whose failure strategy is the dead-letter queue must be named by one bean
 * (checked at start-up): a dead letter nobody could handle again would be lost.
 */
public interface ReplayableChannels {

    /** Channel name (as in {@code mp.messaging.incoming.<channel>}) to the handler of its records. */
    Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels();
}
