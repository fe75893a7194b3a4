package org.elicence.messaging;

/** Topic names; {@code deploy/topics.conf} defines their partitions and retention. */
public final class Topics {

    public static final String APPLICATIONS = "applications";
    public static final String IDCARD_UPLOADS = "idcard-uploads";
    public static final String IDCARD_READING_REQUESTS = "idcard-reading-requests";
    public static final String IDCARD_READINGS = "idcard-readings";
    public static final String PHOTO_AUDIT_REQUESTS = "photo-audit-requests";
    public static final String PHOTO_AUDIT_RESULTS = "photo-audit-results";
    public static final String IDCARD_EVENTS = "idcard-events";
    public static final String IDCARD_REVIEW_CASES = "idcard-review-cases";
    public static final String IDCARD_REVIEW_DECISIONS = "idcard-review-decisions";
    public static final String IDCARD_REVIEW_DECISIONS_REJECTED = "idcard-review-decisions-rejected";
    public static final String PHOTO_REVIEW_CASES = "photo-review-cases";
    public static final String PHOTO_REVIEW_DECISIONS = "photo-review-decisions";
    public static final String PHOTO_REVIEW_DECISIONS_REJECTED = "photo-review-decisions-rejected";
    public static final String LICENCE_EVENTS = "licence-events";
    public static final String LICENCE_AUTHORITY_COMMANDS = "licence-authority-commands";
    public static final String LICENCE_AUTHORITY_COMMANDS_REJECTED = "licence-authority-commands-rejected";
    public static final String LICENCE_REGISTER = "licence-register";
    /** Operators' signed orders to a service to handle one of its own dead letters again (record key: the service). */
    public static final String DEAD_LETTER_REPLAYS = "dead-letter-replays";
    public static final String DEAD_LETTER_REPLAY_OUTCOMES = "dead-letter-replay-outcomes";

    private Topics() {
    }
}
