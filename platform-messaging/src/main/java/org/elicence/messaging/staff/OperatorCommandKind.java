package org.elicence.messaging.staff;

import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.elicence.messaging.events.DeadLetterReplay;
import org.elicence.messaging.events.DeadLetterReplayOutcome;
import org.elicence.messaging.events.IdCardReviewDecision;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.events.LicenceAuthorityCommand;
import org.elicence.messaging.events.LicenceAuthorityCommandRejected;
import org.elicence.messaging.events.PhotoReviewDecision;
import org.elicence.messaging.events.PhotoReviewDecisionRejected;

/**
 * The kinds of operators' commands and what {@link OperatorCommands} needs to read, de-duplicate and refuse each:
 * they are part of the event contract (docs/events.md, docs/operator-runbook.md), so they are written down once
 * here rather than by each service that obeys them.
 *
 * @param topic the topic operators write it to; also its de-duplication namespace in {@code operator_command}
 * @param type its schema
 * @param payload its record type
 * @param idField the field holding the operator's own id for the command, its de-duplication key
 * @param operatorField the field naming the operator: it must be the signer
 * @param malformedCode the refusal code of a record that does not match the schema
 * @param notAuthorisedCode the refusal code of a record not signed by an operator allowed to send it
 * @param <C> the command's record type
 */
public record OperatorCommandKind<C>(String topic, EventType type, Class<C> payload, String idField,
        String operatorField, String malformedCode, String notAuthorisedCode) {

    public static final OperatorCommandKind<IdCardReviewDecision> ID_CARD_REVIEW_DECISION = new OperatorCommandKind<>(
            Topics.IDCARD_REVIEW_DECISIONS, EventType.ID_CARD_REVIEW_DECISION, IdCardReviewDecision.class,
            "decisionId", "reviewerId", IdCardReviewDecisionRejected.MALFORMED_DECISION,
            IdCardReviewDecisionRejected.REVIEWER_NOT_AUTHORISED);

    public static final OperatorCommandKind<PhotoReviewDecision> PHOTO_REVIEW_DECISION = new OperatorCommandKind<>(
            Topics.PHOTO_REVIEW_DECISIONS, EventType.PHOTO_REVIEW_DECISION, PhotoReviewDecision.class,
            "decisionId", "reviewerId", PhotoReviewDecisionRejected.MALFORMED_DECISION,
            PhotoReviewDecisionRejected.REVIEWER_NOT_AUTHORISED);

    public static final OperatorCommandKind<LicenceAuthorityCommand> LICENCE_AUTHORITY_COMMAND =
            new OperatorCommandKind<>(Topics.LICENCE_AUTHORITY_COMMANDS, EventType.LICENCE_AUTHORITY_COMMAND,
                    LicenceAuthorityCommand.class, "commandId", "authorityId",
                    LicenceAuthorityCommandRejected.MALFORMED_COMMAND,
                    LicenceAuthorityCommandRejected.AUTHORITY_NOT_AUTHORISED);

    public static final OperatorCommandKind<DeadLetterReplay> DEAD_LETTER_REPLAY = new OperatorCommandKind<>(
            Topics.DEAD_LETTER_REPLAYS, EventType.DEAD_LETTER_REPLAY, DeadLetterReplay.class, "replayId",
            "operatorId", DeadLetterReplayOutcome.MALFORMED_REPLAY, DeadLetterReplayOutcome.OPERATOR_NOT_AUTHORISED);
}
