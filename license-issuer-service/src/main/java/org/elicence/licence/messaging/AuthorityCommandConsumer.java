package org.elicence.licence.messaging;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.elicence.licence.service.AuthorityCommandService;
import org.elicence.messaging.deadletter.ReplayableChannels;
import org.elicence.messaging.staff.OperatorCommands;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Authorities' commands, read through platform-messaging's one handler of operators' commands
 * ({@link OperatorCommands}, {@link AuthorityCommandService}). A command that cannot be obeyed is answered on
 * licence-authority-commands-rejected; only a record that is not JSON or an infrastructure failure that outlasts
 * the consumer's retries (database down for longer than {@code messaging.consumer.max-attempts} tries) reaches the
 * dead-letter topic, from where the command can be re-sent unchanged (its commandId keeps it idempotent).
 */
@ApplicationScoped
public class AuthorityCommandConsumer implements ReplayableChannels {

    private final OperatorCommands handler;
    private final AuthorityCommandService commands;

    @Inject
    public AuthorityCommandConsumer(OperatorCommands handler, AuthorityCommandService commands) {
        this.handler = handler;
        this.commands = commands;
    }

    @Incoming("licence-authority-commands")
    @Blocking
    public void onCommand(ConsumerRecord<String, String> record) {
        handler.handle(record, commands);
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, String>>> replayableChannels() {
        return Map.of("licence-authority-commands", this::onCommand);
    }
}
