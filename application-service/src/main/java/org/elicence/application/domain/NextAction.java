package org.elicence.application.domain;

/** What the mobile app asks the applicant to do next. */
public enum NextAction {
    NONE, WAIT, UPLOAD_PHOTO, UPLOAD_ID_CARD
}
