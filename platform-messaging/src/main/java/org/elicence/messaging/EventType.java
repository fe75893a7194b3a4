package org.elicence.messaging;

import java.util.Arrays;
import java.util.Optional;

import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.DeadLetterReplay;
import org.elicence.messaging.events.DeadLetterReplayOutcome;
import org.elicence.messaging.events.DeviceKeyRegistered;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.IdCardRejected;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.IdCardReviewDecision;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.events.IdCardReadingRequested;
import org.elicence.messaging.events.IdCardReviewOpened;
import org.elicence.messaging.events.IdCardSideChecked;
import org.elicence.messaging.events.IdCardSideRead;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.events.IdCardUploadRequired;
import org.elicence.messaging.events.IdRegistryPhotoRetrieved;
import org.elicence.messaging.events.LicenceAuthorityCommand;
import org.elicence.messaging.events.LicenceAuthorityCommandRejected;
import org.elicence.messaging.events.LicenceIssued;
import org.elicence.messaging.events.LicenceRefused;
import org.elicence.messaging.events.LicenceRegisterEntry;
import org.elicence.messaging.events.LicenceStatusChanged;
import org.elicence.messaging.events.PhotoAccepted;
import org.elicence.messaging.events.PhotoAuditRequested;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.PhotoReviewApproved;
import org.elicence.messaging.events.PhotoReviewCaseClosed;
import org.elicence.messaging.events.PhotoReviewCaseOpened;
import org.elicence.messaging.events.PhotoReviewDecision;
import org.elicence.messaging.events.PhotoReviewDecisionRejected;

/**
 * The event catalogue: every event type, the topic it travels on, its JSON Schema and its payload
 * record. {@code docs/asyncapi.yaml} and {@code docs/events.md} describe the same list.
 */
public enum EventType {

    APPLICATION_CREATED("org.elicence.application.created.v1", Topics.APPLICATIONS, ApplicationCreated.class),
    ID_CARD_SIDE_UPLOADED("org.elicence.application.idcard-side-uploaded.v1", Topics.IDCARD_UPLOADS,
            IdCardSideUploaded.class),
    /** idcard-service asks photo-audit-service to read an uploaded card side; the answer is ID_CARD_SIDE_READ. */
    ID_CARD_READING_REQUESTED("org.elicence.idcard.reading-requested.v1", Topics.IDCARD_READING_REQUESTS,
            IdCardReadingRequested.class),
    ID_CARD_SIDE_READ("org.elicence.photo.idcard-side-read.v1", Topics.IDCARD_READINGS, IdCardSideRead.class),
    PHOTO_AUDIT_REQUESTED("org.elicence.photo.audit-requested.v1", Topics.PHOTO_AUDIT_REQUESTS,
            PhotoAuditRequested.class),
    PHOTO_AUDITED("org.elicence.photo.audited.v1", Topics.PHOTO_AUDIT_RESULTS, PhotoAudited.class),
    ID_REGISTRY_PHOTO_RETRIEVED("org.elicence.idcard.registry-photo-retrieved.v1", Topics.IDCARD_EVENTS,
            IdRegistryPhotoRetrieved.class),
    ID_CARD_UPLOAD_REQUIRED("org.elicence.idcard.upload-required.v1", Topics.IDCARD_EVENTS,
            IdCardUploadRequired.class),
    ID_CARD_SIDE_CHECKED("org.elicence.idcard.side-checked.v1", Topics.IDCARD_EVENTS, IdCardSideChecked.class),
    ID_CARD_REVIEW_OPENED("org.elicence.idcard.review-opened.v1", Topics.IDCARD_EVENTS, IdCardReviewOpened.class),
    ID_CARD_APPROVED("org.elicence.idcard.approved.v1", Topics.IDCARD_EVENTS, IdCardApproved.class),
    ID_CARD_REJECTED("org.elicence.idcard.rejected.v1", Topics.IDCARD_EVENTS, IdCardRejected.class),
    LICENCE_ISSUED("org.elicence.licence.issued.v1", Topics.LICENCE_EVENTS, LicenceIssued.class),
    LICENCE_REFUSED("org.elicence.licence.refused.v1", Topics.LICENCE_EVENTS, LicenceRefused.class),
    LICENCE_STATUS_CHANGED("org.elicence.licence.status-changed.v1", Topics.LICENCE_EVENTS,
            LicenceStatusChanged.class),
    /** Read by the issuing authorities only (kcat): what licence-events says, without credentials. */
    LICENCE_REGISTER_ENTRY("org.elicence.licence.register-entry.v1", Topics.LICENCE_REGISTER,
            LicenceRegisterEntry.class),
    ID_CARD_REVIEW_CASE_OPENED("org.elicence.idcard.review-case-opened.v1", Topics.IDCARD_REVIEW_CASES,
            IdCardReviewCaseOpened.class),
    ID_CARD_REVIEW_CASE_CLOSED("org.elicence.idcard.review-case-closed.v1", Topics.IDCARD_REVIEW_CASES,
            IdCardReviewCaseClosed.class),
    /** Typed by operators with kcat; read without CloudEvents headers (see the record's javadoc). */
    ID_CARD_REVIEW_DECISION("org.elicence.idcard.review-decision.v1", Topics.IDCARD_REVIEW_DECISIONS,
            IdCardReviewDecision.class),
    ID_CARD_REVIEW_DECISION_REJECTED("org.elicence.idcard.review-decision-rejected.v1",
            Topics.IDCARD_REVIEW_DECISIONS_REJECTED, IdCardReviewDecisionRejected.class),
    /** Typed by operators with kcat; read without CloudEvents headers (see the record's javadoc). */
    LICENCE_AUTHORITY_COMMAND("org.elicence.licence.authority-command.v1", Topics.LICENCE_AUTHORITY_COMMANDS,
            LicenceAuthorityCommand.class),
    LICENCE_AUTHORITY_COMMAND_REJECTED("org.elicence.licence.authority-command-rejected.v1",
            Topics.LICENCE_AUTHORITY_COMMANDS_REJECTED, LicenceAuthorityCommandRejected.class),
    PHOTO_REVIEW_CASE_OPENED("org.elicence.photo.review-case-opened.v1", Topics.PHOTO_REVIEW_CASES,
            PhotoReviewCaseOpened.class),
    PHOTO_REVIEW_CASE_CLOSED("org.elicence.photo.review-case-closed.v1", Topics.PHOTO_REVIEW_CASES,
            PhotoReviewCaseClosed.class),
    /** Typed by operators with kcat; read without CloudEvents headers (see the record's javadoc). */
    PHOTO_REVIEW_DECISION("org.elicence.photo.review-decision.v1", Topics.PHOTO_REVIEW_DECISIONS,
            PhotoReviewDecision.class),
    PHOTO_REVIEW_DECISION_REJECTED("org.elicence.photo.review-decision-rejected.v1",
            Topics.PHOTO_REVIEW_DECISIONS_REJECTED, PhotoReviewDecisionRejected.class),
    /** application-service, on {@code applications}: staff approved a photo; the licence issuer issues from it. */
    PHOTO_REVIEW_APPROVED("org.elicence.photo.review-approved.v1", Topics.APPLICATIONS, PhotoReviewApproved.class),
    DEVICE_KEY_REGISTERED("org.elicence.application.device-key-registered.v1", Topics.APPLICATIONS,
            DeviceKeyRegistered.class),
    /** application-service, on {@code applications}: the passing audit of its current photo; the issuer issues from it. */
    PHOTO_ACCEPTED("org.elicence.application.photo-accepted.v1", Topics.APPLICATIONS, PhotoAccepted.class),
    /** application-service, on {@code applications}: the application closed undecided; nothing more is issued for it. */
    APPLICATION_WITHDRAWN("org.elicence.application.withdrawn.v1", Topics.APPLICATIONS, ApplicationWithdrawn.class),
    /** Typed by operators with kcat; read without CloudEvents headers (see the record's javadoc). */
    DEAD_LETTER_REPLAY("org.elicence.platform.dead-letter-replay.v1", Topics.DEAD_LETTER_REPLAYS,
            DeadLetterReplay.class),
    DEAD_LETTER_REPLAY_OUTCOME("org.elicence.platform.dead-letter-replay-outcome.v1",
            Topics.DEAD_LETTER_REPLAY_OUTCOMES, DeadLetterReplayOutcome.class);

    private final String type;
    private final String topic;
    private final Class<?> payloadType;

    EventType(String type, String topic, Class<?> payloadType) {
        this.type = type;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    /** Classpath location of the JSON Schema (draft 2020-12) of this event's data. */
    public String schemaResource() {
        return "/org/elicence/messaging/schemas/" + type + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static Optional<EventType> forPayload(Class<?> payloadClass) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadClass)).findFirst();
    }
}
