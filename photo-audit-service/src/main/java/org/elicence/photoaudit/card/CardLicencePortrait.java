package org.elicence.photoaudit.card;

import java.util.Optional;

import org.elicence.photoaudit.audit.PhotoAuditor;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * The licence portrait of an upright card's front, framed by the portrait audit's own rule
 * ({@link PhotoAuditor#licencePortrait}: the format's head length from the top of the hair to the chin and its
 * margin above the hair, measured on the face's landmarks and the person's silhouette), so that a licence made
 * from a card meets the format as one made from an upload does. The audit is given the printed portrait around
 * the face the card's detector found, not the whole card: the card's text and edges are no part of it. Framing
 * from the detector's box alone, as before, put the head 218-293 px long and the hair 0-47 px below the top on
 * the 132 corpus photos printed on a card, where the format asks 224-260 and 10-20 (docs/idcard.md, "The portrait").
 */
final class CardLicencePortrait {

    /** The region handed to the audit, in face-box heights around the box: hair above, shoulders below. */
    private static final double ABOVE = 1.4;
    private static final double BELOW = 1.6;
    private static final double BESIDE = 1.6;

    private final PhotoAuditor auditor;

    CardLicencePortrait(PhotoAuditor auditor) {
        this.auditor = auditor;
    }

    /** The portrait as a JPEG of the format's size; empty when the audit's perception finds no single face. */
    Optional<byte[]> render(Mat uprightCard, Rect face) {
        Rect region = region(face, uprightCard.cols(), uprightCard.rows());
        Mat portrait = uprightCard.submat(region);
        try {
            return auditor.licencePortrait(portrait);
        } finally {
            portrait.release();
        }
    }

    private static Rect region(Rect face, int cardWidth, int cardHeight) {
        double centreX = face.x + face.width / 2.0;
        int left = (int) Math.max(0, Math.round(centreX - BESIDE * face.height));
        int right = (int) Math.min(cardWidth, Math.round(centreX + BESIDE * face.height));
        int top = (int) Math.max(0, Math.round(face.y - ABOVE * face.height));
        int bottom = (int) Math.min(cardHeight, Math.round(face.y + face.height + BELOW * face.height));
        return new Rect(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }
}
