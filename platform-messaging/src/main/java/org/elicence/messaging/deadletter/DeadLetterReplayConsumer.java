package org.elicence.messaging.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.messaging.staff.OperatorCommands;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Operators' replay orders on {@code dead-letter-replays}, which every service reads in its own group: a record keyed
 * by another service is that service's and is passed over here without a trace; one keyed by this service goes
 * through the one handler of operators' commands ({@link OperatorCommands}, {@link DeadLetterReplays}). An order that
 * is dead-lettered itself (not JSON) is not replayed: the operator sends it again, corrected.
 */
@ApplicationScoped
public class DeadLetterReplayConsumer {

    static final String CHANNEL = "dead-letter-replays";

    private final OperatorCommands handler;
    private final DeadLetterReplays replays;

    @Inject
    public DeadLetterReplayConsumer(OperatorCommands handler, DeadLetterReplays replays) {
        this.handler = handler;
        this.replays = replays;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onReplay(ConsumerRecord<String, String> record) {
        if (replays.service().equals(record.key())) {
            handler.handle(record, replays);
        }
    }
}
