package org.elicence.photoaudit.card;

import org.elicence.messaging.events.IdCardSide;

/**
 * One uploaded side to check. {@code applicantResidentId} is the application's applicant, whose number the card
 * must carry; {@code applicantName} the applicant's name as the application gives it (the card's front must print
 * it), null while idcard-service has not seen the application's ApplicationCreated.
 */
public record CardSideUpload(IdCardSide side, byte[] image, String applicantResidentId, String applicantName) {

    @Override
    public String toString() {
        return "CardSideUpload[" + side + ", " + image.length + " bytes]";
    }
}
