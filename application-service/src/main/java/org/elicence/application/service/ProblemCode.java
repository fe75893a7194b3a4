package org.elicence.application.service;

import java.util.List;

/**
 * Every refusal of the mobile API, by the stable {@code code} its problem+json carries, with its HTTP status and the
 * variants of its detail. The words are in {@code META-INF/problems/<language>.properties} (the codes every service
 * shares in platform-messaging's), in Chinese and English; {@code ProblemCodeTextsTest} holds every code here to both.
 */
public enum ProblemCode {

    UNAUTHENTICATED(401),
    FORBIDDEN(403, "operator"),
    SUBJECT_NOT_AN_APPLICANT(403),
    APPLICATION_NOT_FOUND(404),
    NOT_FOUND(404, "card-side"),
    LICENCE_NOT_ISSUED(404),
    NO_AUDITED_PHOTO(404),
    NO_ANNOTATED_IMAGE(404),
    MALFORMED_REQUEST(400, "unfinished"),
    INVALID_REQUEST(400, "no-body"),
    INVALID_IDEMPOTENCY_KEY(400),
    INVALID_DEVICE_KEY(400, "not-p256", "outside-field", "not-on-curve", "coordinate-length"),
    UNSUPPORTED_CREDENTIAL_CONFIGURATION(400),
    EMPTY_UPLOAD(400),
    INCOMPLETE_UPLOAD(400),
    PAYLOAD_TOO_LARGE(413),
    IMAGE_TOO_LARGE(413, "unknown-size"),
    UNSUPPORTED_MEDIA_TYPE(415, "image"),
    NOT_AN_IMAGE(415),
    IMAGE_TOO_SMALL(422),
    IMAGE_TOO_MANY_PIXELS(422, "costly"),
    IMAGE_UNREADABLE(422, "incomplete", "scans"),
    APPLICATION_SETTLED(409),
    APPLICATION_WITHDRAWN(409),
    APPLICATION_NOT_WITHDRAWABLE(409, "settled"),
    TOO_MANY_OPEN_APPLICATIONS(409),
    PHOTO_UNDER_REVIEW(409),
    ID_CARD_UNDER_REVIEW(409),
    PHOTO_REVIEW_NOT_AVAILABLE(409, "not-received", "already-reviewed"),
    PHOTO_REVIEW_NOT_YET_AVAILABLE(409),
    CONCURRENT_UPDATE(409),
    UPLOADS_EXHAUSTED(409),
    TOO_MANY_UPLOADS(429),
    TOO_MANY_OPENINGS(429),
    UPLOADS_IN_PROGRESS(429),
    UPLOADS_BUSY(503);

    private final int status;
    private final List<String> variants;

    ProblemCode(int status, String... variants) {
        this.status = status;
        this.variants = List.of(variants);
    }

    public int status() {
        return status;
    }

    /** The detail's variants besides its plain {@code CODE.detail}. */
    public List<String> variants() {
        return variants;
    }
}
