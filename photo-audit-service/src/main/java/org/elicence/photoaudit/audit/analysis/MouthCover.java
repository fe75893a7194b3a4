package org.elicence.photoaudit.audit.analysis;

import java.util.Optional;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * What is over the mouth. The landmark model places the lips even under a mask or a hand, so what is there is read:
 * how much of the lower face has the person's skin colour, how far the lips stand out from the ring of face around
 * them, how much of that ring is skin and whether the lips keep a lip's colour. A mask, scarf or hand covers the lips
 * and their surroundings with one material, so the contrast vanishes, and a grey, black or white covering has no lip
 * colour; a beard leaves the lips standing out. R9 reports a covered mouth ({@link #covered}); C9 does not judge the
 * expression under it ({@link PhotoAnalysis#mouthCovered}): between the lips the model guesses on a white mask, the
 * mask reads as teeth.
 *
 * @param lowerFaceSkin share of the lower face (below the nose, inside the jaw line) with the skin's colour, under
 *                      loose tolerances (lips and stubble count); NaN when the region is empty
 * @param lipContrast   colour difference (Lab ΔE) between the lips and the ring of face around them
 * @param lipRingSkin   skin share of that ring (0 when it is empty)
 * @param lipChroma     the lips' chroma over the skin's
 * @param colourless    the photo has no colour (C6's {@link PhotoAnalysis#colourless}): the lips are not told from
 *                      a covering by colour, nor by their contrast with the face around them, which in grey is the
 *                      lips' shading alone (as small as a covering's for some people)
 */
public record MouthCover(double lowerFaceSkin, double lipContrast, double lipRingSkin, double lipChroma,
        boolean colourless) {

    private static final Measure SKIN_SHARE_LOWER_FACE = new Measure("下半脸的皮肤占比", "skin share of the lower face");
    private static final Measure LIP_CONTRAST_DELTA_E = new Measure("嘴唇与周围的色差（ΔE）",
            "lip / surrounding colour difference (ΔE)");
    private static final Measure LIP_RING_SKIN_SHARE = new Measure("嘴唇周围的皮肤占比（嘴唇不够明显）",
            "skin share around the lips (lips not standing out)");
    private static final Measure LIP_CHROMA_SKIN_CHROMA = new Measure("嘴唇色度 / 皮肤色度", "lip chroma / skin chroma");

    /** A measure that finds the mouth covered: its value, the least value that would not, and what it is. */
    public record Covered(double measured, double minimum, Measure unit) {
    }

    /** The lower face: from the cheek below the nose along the jaw line round the chin, closed under the nose. */
    static final int[] LOWER_FACE = {205, 187, 147, 213, 192, 214, 135, 169, 170, 140, 171, 175, 396, 369, 395, 394,
            364, 434, 416, 433, 376, 411, 425, 436, 410, 322, 391, 2, 165, 92, 186, 216};
    /** Loose skin tolerances for the lower face (lips and shaved skin colour differently from the cheeks). */
    static final double LOOSE_CHROMA = 14;
    static final double LOOSE_LIGHTNESS = 30;
    /** The ring around the lips: the lips' outline enlarged by this factor about its centre. */
    static final double RING_SCALE = 1.6;

    public static MouthCover measure(Mat lab, SkinModel skin, FaceLandmarks l, boolean colourless) {
        Mat lowerFace = Regions.polygon(lab.size(), l.polygon(LOWER_FACE));
        double lowerSkin = skin.shareWithin(lab, lowerFace, LOOSE_CHROMA, LOOSE_LIGHTNESS);
        lowerFace.release();
        Point[] outline = l.polygon(FaceLandmarks.LIPS_OUTER);
        Point centre = l.centre(FaceLandmarks.LIPS_OUTER);
        Point[] ring = new Point[outline.length];
        for (int i = 0; i < outline.length; i++) {
            ring[i] = new Point(centre.x + (outline[i].x - centre.x) * RING_SCALE,
                    centre.y + (outline[i].y - centre.y) * RING_SCALE);
        }
        // the lips' colour is read over their whole outline, opening included (what a covering hides); their
        // contrast over the lips less the opening, against a ring that leaves both out
        Mat lips = Regions.polygon(lab.size(), outline);
        double skinChroma = skin.reference().chroma();
        double lipChroma = LabColour.fromOpenCv(Regions.meanUnder(lab, lips)).chroma() / Math.max(1, skinChroma);
        Mat inner = Regions.polygon(lab.size(), l.polygon(FaceLandmarks.LIPS_INNER));
        Core.subtract(lips, inner, lips);
        Mat around = Regions.polygon(lab.size(), ring);
        Core.subtract(around, lips, around);
        Core.subtract(around, inner, around);
        double[] lip = Regions.meanUnder(lab, lips);
        double[] near = Regions.meanUnder(lab, around);
        double dl = (lip[0] - near[0]) * 100 / 255;
        double contrast = Math.sqrt(dl * dl + (lip[1] - near[1]) * (lip[1] - near[1])
                + (lip[2] - near[2]) * (lip[2] - near[2]));
        double ringSkin = skin.share(around);
        for (Mat m : new Mat[] {lips, inner, around}) {
            m.release();
        }
        return new MouthCover(lowerSkin, contrast, Double.isNaN(ringSkin) ? 0 : ringSkin, lipChroma, colourless);
    }

    /** The first measure, in R9's order, that finds the mouth covered; empty when none does. */
    public Optional<Covered> covered(AuditConfig.Mouth s) {
        if (!(lowerFaceSkin >= s.minLowerFaceSkin())) {
            return Optional.of(new Covered(Double.isNaN(lowerFaceSkin) ? 0 : lowerFaceSkin, s.minLowerFaceSkin(),
                    SKIN_SHARE_LOWER_FACE));
        }
        if (colourless) {
            return Optional.empty();
        }
        if (lipContrast < s.minLipContrast()) {
            return Optional.of(new Covered(lipContrast, s.minLipContrast(), LIP_CONTRAST_DELTA_E));
        }
        if (lipRingSkin < s.minLipRingSkin() && lipContrast < s.minLipContrastInCoveredRing()) {
            return Optional.of(new Covered(lipRingSkin, s.minLipRingSkin(),
                    LIP_RING_SKIN_SHARE));
        }
        if (lipChroma < s.minLipChroma()) {
            return Optional.of(new Covered(lipChroma, s.minLipChroma(), LIP_CHROMA_SKIN_CHROMA));
        }
        return Optional.empty();
    }
}
