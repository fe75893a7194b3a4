package org.elicence.photoaudit.audit.analysis;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;

/**
 * What covers the upper forehead: the skin, the person's own hair (a fringe) or headwear (the edge of a cap or a
 * beanie, a headband). R5 reports headwear and R6 a fringe over the eyebrows, so each must know which of the two
 * it sees: a cap pulled down to the eyebrows is one fault, told once, as the cap. A fringe is the same hair as beside
 * the temples; headwear need not be of its colour. So the upper forehead's cover (its pixels that are not skin) is
 * compared, as a mean Lab colour, with the hair beside the temples (the person's pixels that are not skin in the two
 * {@link FaceGeometry#earStrip ear strips}). Headwear in the colour of the hair (a black cap on black hair) passes
 * this test as hair: R5 then judges the crown above the forehead, which is the cap's fabric (docs/photo-audit.md, R5).
 * Pixels clipped to white ({@link Regions#CLIPPED}: a flash spot) are left out of the forehead, they have no colour,
 * unless C5 finds the photo washed out: then clipping is the whole face's state, not a spot.
 */
public final class ForeheadCover {

    /** Top edge of the face outline, temple to temple. */
    static final int[] FOREHEAD_EDGE = {54, 103, 67, 109, 10, 338, 297, 332, 284};
    /** Depth of the upper-forehead band below that edge, in face widths. */
    static final double FOREHEAD_DEPTH = 0.12;
    /**
     * Share of the ear strips that must be hair for its colour to be read: less is ears, skin and wall (hair tied
     * back, a shaved head), and then nothing on the forehead passes as hair.
     */
    static final double MIN_TEMPLE_HAIR = 0.1;

    private final double skinShare;
    private final double hairColourDistance;

    ForeheadCover(double skinShare, double hairColourDistance) {
        this.skinShare = skinShare;
        this.hairColourDistance = hairColourDistance;
    }

    /**
     * @param grey        the photo's grey plane, where pixels clipped to white are found
     * @param leaveOutSpots whether pixels clipped to white are left out of the forehead: not on a washed-out photo
     *                      (either of C5's measures), where clipping is the whole face's state and not a spot, and
     *                      the skin model, sampled from the same washed-out face, takes clipped pixels for skin
     */
    public static ForeheadCover measure(Mat lab, Mat grey, boolean leaveOutSpots, PersonMask person, SkinModel skin,
            FaceGeometry face) {
        Point[] band = new Point[FOREHEAD_EDGE.length * 2];
        for (int i = 0; i < FOREHEAD_EDGE.length; i++) {
            Point p = face.landmarks().xy(FOREHEAD_EDGE[i]);
            band[i] = p;
            band[band.length - 1 - i] = face.offset(p, 0, FOREHEAD_DEPTH);
        }
        Mat forehead = Regions.polygon(lab.size(), band);
        if (leaveOutSpots) {
            // a flash spot clipped to white has no colour left, of skin or of a cover: it is left out of both
            // measures (forehead hot spots were taken for headwear); a white cap is fabric, shaded, not clipped
            Mat clipped = new Mat();
            Core.inRange(grey, new Scalar(Regions.CLIPPED), new Scalar(255), clipped);
            Core.subtract(forehead, clipped, forehead);
            clipped.release();
        }
        double share = skin.share(forehead);
        Mat temples = Regions.polygon(lab.size(), face.earStrip(-1));
        Mat other = Regions.polygon(lab.size(), face.earStrip(1));
        Core.bitwise_or(temples, other, temples);
        int templeArea = Core.countNonZero(temples);
        Core.bitwise_and(temples, person.person(), temples);
        Core.subtract(temples, skin.mask(), temples);
        Core.subtract(forehead, skin.mask(), forehead);
        double distance = Double.NaN;
        if (Core.countNonZero(forehead) > 0 && Core.countNonZero(temples) >= MIN_TEMPLE_HAIR * templeArea) {
            LabColour cover = LabColour.fromOpenCv(Regions.meanUnder(lab, forehead));
            LabColour hair = LabColour.fromOpenCv(Regions.meanUnder(lab, temples));
            distance = cover.distance(hair);
        }
        forehead.release();
        temples.release();
        other.release();
        return new ForeheadCover(Double.isNaN(share) ? 0 : share, distance);
    }

    /** Skin share of the upper forehead. */
    public double skinShare() {
        return skinShare;
    }

    /** CIE76 ΔE between the forehead's cover and the hair beside the temples; NaN when either is missing. */
    public double hairColourDistance() {
        return hairColourDistance;
    }

    /**
     * The forehead is covered by headwear: its skin share is below {@code minSkin} and its cover is not within
     * {@code maxHairColourDistance} of the colour of the hair beside the temples (or there is no such hair).
     */
    public boolean headwear(double minSkin, double maxHairColourDistance) {
        return skinShare < minSkin && !(hairColourDistance <= maxHairColourDistance);
    }
}
