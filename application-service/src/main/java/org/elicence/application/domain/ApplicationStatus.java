package org.elicence.application.domain;

/**
 * Where an application stands, as the applicant sees it; docs/api.md draws the transitions.
 * Each status implies what the applicant should do next.
 */
public enum ApplicationStatus {
    /** Created; the ID registry is being asked for the applicant's ID-card photo. */
    SUBMITTED(NextAction.WAIT),
    /** A photo (from the registry or uploaded) is being audited. */
    PHOTO_AUDITING(NextAction.WAIT),
    /** The last audited photo failed; the failures say why. */
    PHOTO_REJECTED(NextAction.UPLOAD_PHOTO),
    /**
     * The audit could not assess every rule (none failed), or the applicant asked for a review after failing
     * repeatedly: staff are looking at the photo (a photo review case).
     */
    PHOTO_UNDER_REVIEW(NextAction.WAIT),
    /** No usable ID photo in the registry: upload the ID card's front and back (or a portrait). */
    ID_CARD_REQUIRED(NextAction.UPLOAD_ID_CARD),
    /** ID-card images received; automatic checks are running or the other side is still missing. */
    ID_CARD_CHECKING(NextAction.WAIT),
    /** Both ID-card sides passed the automatic checks; staff are reviewing them. */
    ID_CARD_UNDER_REVIEW(NextAction.WAIT),
    /** An ID-card side failed its checks or staff rejected the card; the notice says why. */
    ID_CARD_REJECTED(NextAction.UPLOAD_ID_CARD),
    /** A photo passed or the ID card was approved; the licence is being issued. */
    LICENCE_PENDING(NextAction.WAIT),
    /** The e-licence is issued. Final. */
    LICENCE_ISSUED(NextAction.NONE),
    /** No licence can be issued (for example, no driving-licence record); the notice says why. Final. */
    REFUSED(NextAction.NONE),
    /**
     * Closed undecided, while it waited for the applicant: they withdrew it, or it waited longer than
     * {@code applications.abandoned-after}; the notice says which. Final; a licence decided before the licence issuer
     * read the withdrawal still moves it to LICENCE_ISSUED (or REFUSED).
     */
    WITHDRAWN(NextAction.NONE);

    /** The statuses in which an application is over: LICENCE_ISSUED, REFUSED, WITHDRAWN. */
    public static final java.util.Set<ApplicationStatus> FINAL = java.util.EnumSet.of(LICENCE_ISSUED, REFUSED, WITHDRAWN);

    /** The statuses in which the application waits for another service (not for the applicant, not for staff). */
    public static final java.util.Set<ApplicationStatus> WAITING_FOR_A_SERVICE = java.util.EnumSet.of(
            SUBMITTED, PHOTO_AUDITING, ID_CARD_CHECKING, LICENCE_PENDING);

    private final NextAction nextAction;

    ApplicationStatus(NextAction nextAction) {
        this.nextAction = nextAction;
    }

    public NextAction nextAction() {
        return nextAction;
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Once a photo passed or a card was approved, later results no longer change the outcome. */
    public boolean isSettled() {
        return this == LICENCE_PENDING || isFinal();
    }
}
