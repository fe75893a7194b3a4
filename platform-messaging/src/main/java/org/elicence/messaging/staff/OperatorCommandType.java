package org.elicence.messaging.staff;

import java.util.Optional;
import java.util.Set;

/**
 * A service's part in obeying one {@link OperatorCommandKind}: who may give it, its effect and its refusal.
 * Everything else (reading, de-duplication, schema, signature) is {@link OperatorCommands}'. Both callbacks run
 * in the transaction that records the command as handled.
 *
 * @param <C> the command's record type
 */
public interface OperatorCommandType<C> {

    OperatorCommandKind<C> kind();

    /** The principals allowed to give this command at all. */
    Set<String> authorisedOperators();

    /** The command's effect, or a refusal that leaves everything as it was. */
    Optional<Refusal> apply(C command, StaffRecord record, String operator);

    /** Records and answers a refused command ({@code operator} is null when the record was not signed). */
    void refuse(StaffRecord record, String operator, Refusal refusal);

    /**
     * How long the transaction that applies a command may take; empty: the platform's default (60 s). A command whose
     * effect does slow work of its own (a dead-letter replay: an image audited again) says so, or its transaction is
     * rolled back after the work was done and the command handled again.
     */
    default java.util.Optional<java.time.Duration> transactionTimeout() {
        return java.util.Optional.empty();
    }
}
