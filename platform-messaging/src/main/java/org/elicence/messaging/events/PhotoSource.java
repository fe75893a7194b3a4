package org.elicence.messaging.events;

/** Where a photo under audit came from. */
public enum PhotoSource {
    /** The applicant's ID-card photo, taken from the ID registry. */
    ID_REGISTRY,
    /** A portrait the applicant uploaded from the app. */
    APPLICANT_UPLOAD
}
