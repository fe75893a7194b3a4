package org.elicence.idcard.check;

import org.elicence.messaging.events.IdCardSide;

/**
 * One uploaded side to check. {@code declaredResidentId} is the uploader's (the token's subject),
 * {@code applicantResidentId} the application's applicant, null if the application is not known yet;
 * {@code otherSideHash} the perceptual hash of the latest upload of the other side, null if none.
 */
public record CardSideUpload(IdCardSide side, byte[] image, String declaredResidentId, String applicantResidentId,
        Long otherSideHash) {

    @Override
    public String toString() {
        return "CardSideUpload[" + side + ", " + image.length + " bytes]";
    }
}
