package org.elicence.messaging.events;

public enum IdCardSide {
    /** The side with the portrait, name and ID number. */
    FRONT,
    /** The side with the issuing authority and validity period. */
    BACK
}
