package org.elicence.photoaudit.card;

import java.util.Optional;

import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.render.LicencePortraitRenderer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * The licence portrait of an upright card's front, framed by the portrait audit's own rule
 * ({@link PhotoAuditor#licencePortrait}: the format's head length from the top of the hair to the chin and its
 * margin above the hair, measured on the face's landmarks and the person's silhouette), so that a licence made
 * from a card meets the format as one made from an upload does. The audit is given the printed portrait around
 * the face the card's detector found, not the whole card: the card's text and edges are no part of it. Framing
 * from the detector's box alone, as before, put the head 218-293 px long and the hair 0-47 px below the top on
 * the 132 corpus photos printed on a card, where the format asks 224-260 and 10-20 (docs/idcard.md, "The portrait").
 * <p>
 * Only the card's photo zone ({@link CardCheckConfig#photoZoneLeft()} ...) is the photograph: where the licence crop
 * reaches beyond it, the portrait shows the photo continued, as beyond an upload's edges, not the card's pattern,
 * which showed in the licence portraits of 55 of the 66 corpus people printed on a lavender card. A face the detector
 * finds outside the zone (a card printed otherwise) keeps the region around it as printed.
 */
final class CardLicencePortrait {

    /** The region handed to the audit, in face-box heights around the box: hair above, shoulders below. */
    private static final double ABOVE = 1.4;
    private static final double BELOW = 1.6;
    private static final double BESIDE = 1.6;
    /** The photo's wall is measured in its top rows, this share of its height, beside the head. */
    private static final double WALL_ROWS = 0.03;

    private final PhotoAuditor auditor;
    private final CardCheckConfig config;

    CardLicencePortrait(PhotoAuditor auditor, CardCheckConfig config) {
        this.auditor = auditor;
        this.config = config;
    }

    /** The portrait as a JPEG of the format's size; empty when the audit's perception finds no single face. */
    Optional<byte[]> render(Mat uprightCard, Rect face) {
        Rect region = region(face, uprightCard.cols(), uprightCard.rows());
        Rect photo = photoWithin(region, face, uprightCard.cols(), uprightCard.rows());
        // a copy, not a view: a view would keep the whole upright card (3 MB) alive until its finalizer runs
        try (NativeMats mats = new NativeMats()) {
            Mat around = mats.add(Regions.copy(uprightCard, region));
            if (photo.y > 0) {
                // the card above the photo painted as the photo's wall: where the photo cuts tall hair (a card may),
                // the hair's top is measured where the photo cuts it, and the licence's margin is left above that
                Scalar wall = wallColour(mats.view(around, photo));
                Regions.fill(around, new Rect(0, 0, around.cols(), photo.y), wall);
            }
            return auditor.licencePortrait(around, photo);
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

    /** The median colour of the photo's top rows in their outer quarters, beside the head: its wall. */
    private static Scalar wallColour(Mat photo) {
        int wallRows = Math.min(photo.rows(), Math.max(2, (int) Math.round(WALL_ROWS * photo.rows())));
        int quarter = Math.max(1, photo.cols() / 4);
        try (NativeMats mats = new NativeMats()) {
            Mat beside = mats.add(Mat.zeros(photo.size(), CvType.CV_8U));
            Regions.fill(beside, new Rect(0, 0, quarter, wallRows), Scalar.all(255));
            Regions.fill(beside, new Rect(photo.cols() - quarter, 0, quarter, wallRows), Scalar.all(255));
            return new Scalar(LicencePortraitRenderer.medianColour(photo, beside));
        }
    }

    /** The photo zone's part of {@code region}, in the region's pixels; all of it when the face is not in the zone. */
    private Rect photoWithin(Rect region, Rect face, int cardWidth, int cardHeight) {
        int x0 = (int) Math.round(config.photoZoneLeft() * cardWidth);
        int x1 = (int) Math.round(config.photoZoneRight() * cardWidth);
        int y0 = (int) Math.round(config.photoZoneTop() * cardHeight);
        int y1 = (int) Math.round(config.photoZoneBottom() * cardHeight);
        Rect zone = new Rect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        if (!zone.contains(face.tl()) || !zone.contains(face.br())) {
            return new Rect(0, 0, region.width, region.height);
        }
        int left = Math.max(region.x, zone.x);
        int top = Math.max(region.y, zone.y);
        int right = Math.min(region.x + region.width, zone.x + zone.width);
        int bottom = Math.min(region.y + region.height, zone.y + zone.height);
        return new Rect(left - region.x, top - region.y, right - left, bottom - top);
    }
}
