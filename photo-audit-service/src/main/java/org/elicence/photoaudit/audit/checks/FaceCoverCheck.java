package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * R9: nothing covering the face. The landmark model places the mouth and nose even under a mask or a hand, so
 * the check looks at what is there: the nose must be the person's skin, and the lips must stand out from the
 * skin around them and keep a lip's colour. A mask, scarf or hand covers both the lips and their surroundings
 * with one material, so the contrast vanishes, and a grey, black or white covering has no lip colour; a beard
 * or moustache leaves the lips visible and the nose bare, so it passes.
 */
public final class FaceCoverCheck extends BaseCheck {

    @ConfigMapping(prefix = "photo-audit.r9-face-cover")
    public interface Settings {
        /**
         * Minimum share of the lower face (below the nose, inside the jaw line) that has the person's skin colour
         * (loose tolerances: lips and stubble count): a scarf or mask pulled over mouth and chin leaves none.
         */
        @WithDefault("0.5")
        double minLowerFaceSkin();

        /** Minimum share of the nose that has the person's skin colour. */
        @WithDefault("0.35")
        double minNoseSkin();

        /** Minimum colour difference (Lab ΔE) between the lips and the ring of face around them. */
        @WithDefault("2")
        double minLipContrast();

        /** Skin share of the ring around the lips below this: something other than skin surrounds the mouth... */
        @WithDefault("0.3")
        double minLipRingSkin();

        /** ... and when it does, the lips must stand out from it by at least this ΔE (a beard leaves them visible). */
        @WithDefault("8")
        double minLipContrastInCoveredRing();

        /**
         * Lip chroma / skin chroma below this: what covers the mouth is grey, black or white, not lips (midpoint
         * of the calibration gap: scarves 0.19, real lips from 0.60).
         */
        @WithDefault("0.4")
        double minLipChroma();
    }

    /** The nose: bridge between the eyes, ridge, tip, alae and nostrils (the hull of these landmarks). */
    static final int[] NOSE = {168, 6, 197, 195, 5, 4, 1, 2, 98, 327, 129, 358, 49, 279, 64, 294};
    /** The lower face: from the cheek below the nose along the jaw line round the chin, closed under the nose. */
    static final int[] LOWER_FACE = {205, 187, 147, 213, 192, 214, 135, 169, 170, 140, 171, 175, 396, 369, 395, 394,
            364, 434, 416, 433, 376, 411, 425, 436, 410, 322, 391, 2, 165, 92, 186, 216};
    /** Loose skin tolerances for the lower face (lips and shaved skin colour differently from the cheeks). */
    static final double LOOSE_CHROMA = 14;
    static final double LOOSE_LIGHTNESS = 30;
    /** Skin chroma below which the photo has no colour to judge the lips' colour by. */
    static final double MIN_SKIN_CHROMA = 4;
    /** L* above the skin reference from which a paler pixel of the nose is a highlight, not a covering. */
    static final double HIGHLIGHT_ABOVE_SKIN = 8;
    /** The ring around the lips: the lips' outline enlarged by this factor about its centre. */
    static final double RING_SCALE = 1.6;

    private static final Guidance UNCOVER = new Guidance("脸部被遮挡：请摘下口罩、围巾，手和手机不要挡住脸",
            "Your face is covered: take off masks and scarves, and keep hands and phone away from your face");

    private final Settings settings;

    public FaceCoverCheck(Settings settings) {
        super("R9", "FACE_COVERED", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        FaceLandmarks l = face.landmarks();
        Mat lowerFace = Regions.polygon(a.lab().size(), l.polygon(LOWER_FACE));
        double lowerSkin = a.skin().shareWithin(a.lab(), lowerFace, LOOSE_CHROMA, LOOSE_LIGHTNESS);
        lowerFace.release();
        if (!(lowerSkin >= settings.minLowerFaceSkin())) {
            return Results.fail(rule(), "FACE_COVERED", Double.isNaN(lowerSkin) ? 0 : lowerSkin,
                    ">= " + Results.fmt(settings.minLowerFaceSkin()), "skin share of the lower face", UNCOVER);
        }
        Mat nose = Regions.hull(a.lab().size(), l.polygon(NOSE));
        // a highlight on the nose (shine, a flash, a lamp) is neither skin colour nor a covering: it mixes the skin
        // with white, lighter and paler than the skin, and those pixels are left out
        Rect box = Imgproc.boundingRect(nose);
        if (box.area() > 0) {
            Mat highlights = highlights(a.lab().submat(box), a.skin().reference8());
            Mat noseInBox = nose.submat(box);
            Core.subtract(noseInBox, highlights, noseInBox);
            noseInBox.release();
            highlights.release();
        }
        double noseSkin = a.skin().share(nose);
        nose.release();
        if (noseSkin < settings.minNoseSkin()) {
            return Results.fail(rule(), "FACE_COVERED", noseSkin, ">= " + Results.fmt(settings.minNoseSkin()),
                    "share of the nose with skin colour", UNCOVER);
        }
        double contrast = lipContrast(a, l);
        if (contrast < settings.minLipContrast()) {
            return Results.fail(rule(), "FACE_COVERED", contrast, ">= " + Results.fmt(settings.minLipContrast()),
                    "lip / surrounding colour difference (ΔE)", UNCOVER);
        }
        if (a.skin().reference().chroma() < MIN_SKIN_CHROMA) {
            // a greyscale photo has no colour to compare (C6 says so)
            return Results.pass(rule(), "FACE_UNCOVERED", contrast, ">= " + Results.fmt(settings.minLipContrast()),
                    "lip / surrounding colour difference (ΔE)");
        }
        double ringSkin = lipRingSkin(a, l);
        if (ringSkin < settings.minLipRingSkin() && contrast < settings.minLipContrastInCoveredRing()) {
            return Results.fail(rule(), "FACE_COVERED", ringSkin, ">= " + Results.fmt(settings.minLipRingSkin()),
                    "skin share around the lips (lips not standing out)", UNCOVER);
        }
        Mat lips = Regions.polygon(a.lab().size(), l.polygon(FaceLandmarks.LIPS_OUTER));
        LabColour lipColour = LabColour.fromOpenCv(Regions.meanUnder(a.lab(), lips));
        lips.release();
        double chroma = lipColour.chroma() / Math.max(1, a.skin().reference().chroma());
        return Results.atLeast(rule(), "FACE_UNCOVERED", "FACE_COVERED", chroma, settings.minLipChroma(),
                "lip chroma / skin chroma", UNCOVER);
    }

    /**
     * Pixels of {@code lab} that are the skin mixed with white light: lighter than the skin reference
     * ({@code skin}, OpenCV's 8-bit Lab) by more than {@link #HIGHLIGHT_ABOVE_SKIN} L* and of less chroma.
     */
    static Mat highlights(Mat lab, double[] skin) {
        double chroma = LabColour.fromOpenCv(skin).chroma();
        Mat lightness = new Mat();
        Core.extractChannel(lab, lightness, 0);
        Mat lighter = new Mat();
        Core.inRange(lightness, new Scalar(Math.min(255, skin[0] + HIGHLIGHT_ABOVE_SKIN * 255 / 100)),
                new Scalar(255), lighter);
        Mat pixelChroma = Regions.chroma(lab);
        Mat paler = new Mat();
        Core.compare(pixelChroma, new Scalar(chroma), paler, Core.CMP_LT);
        Core.bitwise_and(lighter, paler, lighter);
        for (Mat m : List.of(lightness, pixelChroma, paler)) {
            m.release();
        }
        return lighter;
    }

    /** Skin share of the ring around the lips (the lips' outline enlarged, the lips left out). */
    static double lipRingSkin(PhotoAnalysis a, FaceLandmarks l) {
        Mat[] masks = lipMasks(a, l);
        double share = a.skin().share(masks[1]);
        masks[0].release();
        masks[1].release();
        return Double.isNaN(share) ? 0 : share;
    }

    /** The lips (outer outline less the opening between them) and the ring of face around them. */
    private static Mat[] lipMasks(PhotoAnalysis a, FaceLandmarks l) {
        Point[] lips = l.polygon(FaceLandmarks.LIPS_OUTER);
        Point centre = l.centre(FaceLandmarks.LIPS_OUTER);
        Point[] ring = new Point[lips.length];
        for (int i = 0; i < lips.length; i++) {
            ring[i] = new Point(centre.x + (lips[i].x - centre.x) * RING_SCALE,
                    centre.y + (lips[i].y - centre.y) * RING_SCALE);
        }
        Mat lipMask = Regions.polygon(a.lab().size(), lips);
        Mat inner = Regions.polygon(a.lab().size(), l.polygon(FaceLandmarks.LIPS_INNER));
        Core.subtract(lipMask, inner, lipMask);
        Mat around = Regions.polygon(a.lab().size(), ring);
        Core.subtract(around, lipMask, around);
        Core.subtract(around, inner, around);
        inner.release();
        return new Mat[] {lipMask, around};
    }

    static double lipContrast(PhotoAnalysis a, FaceLandmarks l) {
        Mat[] masks = lipMasks(a, l);
        Mat lipMask = masks[0];
        Mat around = masks[1];
        double[] lip = Regions.meanUnder(a.lab(), lipMask);
        double[] skin = Regions.meanUnder(a.lab(), around);
        lipMask.release();
        around.release();
        double dl = (lip[0] - skin[0]) * 100 / 255;
        return Math.sqrt(dl * dl + (lip[1] - skin[1]) * (lip[1] - skin[1]) + (lip[2] - skin[2]) * (lip[2] - skin[2]));
    }
}
