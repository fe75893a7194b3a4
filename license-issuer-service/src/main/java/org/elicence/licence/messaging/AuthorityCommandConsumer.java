package org.elicence.licence.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.licence.service.AuthorityCommandService;
import org.elicence.messaging.inbox.InFlightRecords;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Operators' commands, read as plain JSON (no CloudEvents headers). A command that cannot be obeyed is answered
 * on licence-authority-commands-rejected; only an infrastructure failure (database down) reaches the
 * dead-letter topic, from where the command can be re-sent unchanged (its commandId keeps it idempotent).
 */
@ApplicationScoped
public class AuthorityCommandConsumer {

    private final AuthorityCommandService commands;
    private final InFlightRecords inFlight;

    @Inject
    public AuthorityCommandConsumer(AuthorityCommandService commands, InFlightRecords inFlight) {
        this.commands = commands;
        this.inFlight = inFlight;
    }

    @Incoming("licence-authority-commands")
    @Blocking
    public void onCommand(ConsumerRecord<String, String> record) {
        try (InFlightRecords.Handling handling = inFlight.start(record)) {
            commands.handle(record);
        }
    }
}
