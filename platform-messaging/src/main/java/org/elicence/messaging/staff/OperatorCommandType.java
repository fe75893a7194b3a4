package org.elicence.messaging.staff;

import java.util.Optional;
import java.util.Set;

import org.elicence.messaging.EventType;

/**
 * One kind of operators' command (an ID-card review decision, a photo review decision, an authority command):
 * what {@link OperatorCommands} needs to read, check and de-duplicate it, and the service's own effect and
 * refusal. Both callbacks run in the transaction that records the command as handled.
 *
 * @param <C> the command's record type
 */
public interface OperatorCommandType<C> {

    /** The de-duplication namespace, e.g. the topic. */
    String consumer();

    EventType type();

    Class<C> payload();

    /** The field holding the operator's own id for the command ({@code decisionId}, {@code commandId}). */
    String idField();

    /** The field naming the operator ({@code reviewerId}, {@code authorityId}): it must be the signer. */
    String operatorField();

    /** The principals allowed to give this command at all. */
    Set<String> authorisedOperators();

    /** The code of a record that does not match the schema. */
    String malformedCode();

    /** The code of a record not signed by an authorised operator, or naming another one than its signer. */
    String notAuthorisedCode();

    /** The command's effect, or a refusal that leaves everything as it was. */
    Optional<Refusal> apply(C command, StaffRecord record, String operator);

    /** Records and answers a refused command ({@code operator} is null when the record was not signed). */
    void refuse(StaffRecord record, String operator, Refusal refusal);
}
