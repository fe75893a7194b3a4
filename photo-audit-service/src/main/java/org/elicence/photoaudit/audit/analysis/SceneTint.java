package org.elicence.photoaudit.audit.analysis;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * Whether a coloured background is the wall's colour (R2) or the light's (a colour cast or a wrong white balance:
 * C6). A cast tints everything in the photo alike; a coloured wall tints only the wall. So the wall's tint (its
 * a*b* away from grey) is compared with two witnesses on the person: the skin, against typical skin, and the hair
 * and clothes (the person's pixels that are not skin), against typical hair and clothes. Each witness counts only
 * the part of its shift along the wall's hue that lies beyond {@code spreadMargin} times the natural spread of
 * real people's colours in that direction, as a share of the wall's tint; {@link #shared()} is the mean of the two.
 * About 0 under a coloured wall, 0.1-1 under a cast (docs/photo-audit.md, C6).
 */
public final class SceneTint {

    /**
     * Mean and spread (standard deviation) of a* and b* of the skin and of the hair and clothes in the real photos
     * of the calibration people (45 people, 90 photos, docs/photo-audit-accuracy.md), under the studio's neutral light.
     */
    static final LabColour TYPICAL_SKIN = new LabColour(0, 10.9, 12.8);
    static final double[] SKIN_SPREAD = {2.1, 3.4};
    static final LabColour TYPICAL_HAIR_AND_CLOTHES = new LabColour(0, 1.8, 1.4);
    static final double[] HAIR_AND_CLOTHES_SPREAD = {0.8, 1.7};

    private static final SceneTint NO_WALL = new SceneTint(new LabColour(0, 0, 0), 0);

    private final LabColour wall;
    private final double shared;

    private SceneTint(LabColour wall, double shared) {
        this.wall = wall;
        this.shared = shared;
    }

    /**
     * @param skin          the person's skin reference
     * @param minWallChroma below this tint the wall passes as white: the witnesses are not measured (shared 0)
     * @param spreadMargin  how many natural spreads a witness's shift must exceed before it counts
     */
    public static SceneTint measure(Mat lab, PersonMask person, SkinModel skin, double minWallChroma,
            double spreadMargin) {
        if (Core.countNonZero(person.background()) == 0) {
            return NO_WALL; // a photo that is all person: no wall to judge (R2 reports BACKGROUND_NOT_VISIBLE)
        }
        LabColour wall = meanUnder(lab, person.background());
        double tint = wall.chroma();
        if (tint == 0 || tint < minWallChroma) {
            return new SceneTint(wall, 0); // most photos: a white wall, nothing for a cast to explain
        }
        Mat hairAndClothes = new Mat();
        Core.subtract(person.person(), skin.mask(), hairAndClothes);
        LabColour rest = Core.countNonZero(hairAndClothes) == 0 ? TYPICAL_HAIR_AND_CLOTHES
                : meanUnder(lab, hairAndClothes);
        hairAndClothes.release();
        double ua = wall.a() / tint;
        double ub = wall.b() / tint;
        double skinShare = excessShift(skin.reference(), TYPICAL_SKIN, SKIN_SPREAD, ua, ub, spreadMargin) / tint;
        double restShare = excessShift(rest, TYPICAL_HAIR_AND_CLOTHES, HAIR_AND_CLOTHES_SPREAD, ua, ub, spreadMargin)
                / tint;
        return new SceneTint(wall, (skinShare + restShare) / 2);
    }

    /** Shift of {@code colour} from {@code typical} along the unit direction (ua, ub) beyond the natural spread. */
    static double excessShift(LabColour colour, LabColour typical, double[] spread, double ua, double ub,
            double spreadMargin) {
        double shift = (colour.a() - typical.a()) * ua + (colour.b() - typical.b()) * ub;
        double natural = Math.hypot(spread[0] * ua, spread[1] * ub);
        return Math.max(0, shift - spreadMargin * natural);
    }

    private static LabColour meanUnder(Mat lab, Mat mask) {
        return LabColour.fromOpenCv(Regions.meanUnder(lab, mask));
    }

    /** The background's mean colour. */
    public LabColour wall() {
        return wall;
    }

    /** Share of the wall's tint the person carries too (mean of the two witnesses), 0 when none or not measured. */
    public double shared() {
        return shared;
    }

    /**
     * The light, not the wall, is coloured: the wall is tinted at least {@code minWallChroma} (below it, it passes
     * as white) and the person carries at least {@code minShared} of its tint.
     */
    public boolean castByLight(double minWallChroma, double minShared) {
        return wall.chroma() >= minWallChroma && shared >= minShared;
    }
}
