package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * R6: hair must not cover the eyebrows, the ears or the cheeks. Eyebrows: the band of forehead just above each
 * brow must be the person's skin (a fringe makes it hair); not judged when the head is covered ({@code HeadCover}:
 * R5 reports it, and what hides the brows may be the headwear, even one in the colour of the hair). Ears: hair
 * covers them when three things hold at once: the head is wider than the face on the ear line (hair stands out),
 * hair hangs beside both cheeks down to the jaw angle, and the ear strips (outside the face outline from the
 * eyebrows down to the face's widest point) show hardly any skin. Hair pulled back leaves the cheeks' sides bare;
 * short hair over the tops of the ears leaves the jaw's sides bare; both pass, as partly covered ears do in the
 * office (docs/photo-audit.md). Hair found on an over-compressed photo (C7's decision) is NOT_ASSESSABLE: the
 * quantised colours of skin are no longer the skin's. So is hair over the ears found beside a covered mouth (R9's
 * decision): a scarf or mask pulled up lies beside the cheeks where the hair would hang.
 */
public final class HairOverFaceCheck extends BaseCheck {

    private static final Measure SKIN_SHARE_ABOVE_EYEBROWS = new Measure("眉毛上方的皮肤占比", "skin share above the eyebrows");
    private static final Measure CHEEK_HAIR_SHARE = new Measure("脸颊两侧的头发占比（耳部不见皮肤，头部宽于面部）",
            "hair share beside the cheeks (ears without skin, head wider than the face)");
    private static final Measure EAR_SKIN_SHARE = new Measure("耳朵位置的皮肤占比（较明显的一侧）",
            "skin share where the ears are (more visible ear)");

    @ConfigMapping(prefix = "photo-audit.r6-hair")
    public interface Settings {
        /** Minimum skin share of the band above the eyebrows (the weaker brow). */
        @WithDefault("0.35")
        double minBrowBandSkin();

        /** Minimum skin share of the person's pixels in the ear strip (the more visible ear). */
        @WithDefault("0.21")
        double minEarSkin();

        /**
         * Share of hair (person, not skin) in the strip beside the cheeks, from the face's widest point down to
         * the jaw angle (the side with less hair), from which hair hangs over the cheeks.
         */
        @WithDefault("0.28")
        double minCheekHair();

        /**
         * Head width on the ear line / face width from which the hair stands out over the ears; below it the
         * hair lies behind them, whatever the ear strip shows.
         */
        @WithDefault("1.22")
        double minHairWidth();
    }

    static final int[] RIGHT_BROW_TOP = {70, 63, 105, 66, 107};
    static final int[] LEFT_BROW_TOP = {336, 296, 334, 293, 300};
    /** Band above the brows, in face widths. */
    static final double BAND_HEIGHT = 0.08;
    /** Ears are redder and more shaded than the face: skin tolerances for the ear strip (Lab). */
    static final double EAR_CHROMA_TOLERANCE = 14;
    static final double EAR_LIGHTNESS_TOLERANCE = 30;

    private static final Guidance FRINGE = new Guidance("头发遮挡了眉毛：请将刘海梳起，露出眉毛和额头",
            "Hair covers your eyebrows: pin your fringe back so your forehead and eyebrows show");
    private static final Guidance EARS = new Guidance("头发遮挡了耳朵：请将头发拢到耳后，露出双耳",
            "Hair covers your ears: tuck your hair behind your ears so both ears show");

    private static final Guidance COMPRESSED = new Guidance("照片压缩过度，无法判断头发是否遮挡眉毛或耳朵：请上传原始照片",
            "The photo is too compressed to tell whether hair covers your eyebrows or ears: upload the original file");
    private static final Guidance LOWER_FACE_COVERED = new Guidance("脸的下半部分被遮挡，无法判断头发是否遮挡耳朵：请取下遮挡物后重新拍摄",
            "The lower half of your face is covered, so hair over your ears cannot be judged: take off what covers"
                    + " it and retake the photo");

    private final Settings settings;

    public HairOverFaceCheck(Settings settings) {
        super("R6", "HAIR_OVER_FACE", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        CheckResult result = judge(a);
        // JPEG quantisation shifts each block's colour away from the skin's (C7 reports it): the forehead above the
        // brows and the ears read as hair
        result = unlessDefeated(result, a.blockiness().overCompressed(), COMPRESSED);
        return unlessDefeated(result, result.code().equals("HAIR_OVER_EARS") && a.mouthCovered(), LOWER_FACE_COVERED);
    }

    private CheckResult judge(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        // on a covered head what covers the brows may be the headwear (a black cap pulled down reads as black
        // hair), which R5 reports
        double brows = a.headCover().covered() ? Double.NaN
                : Math.min(browBandSkin(a, face, RIGHT_BROW_TOP), browBandSkin(a, face, LEFT_BROW_TOP));
        if (brows < settings.minBrowBandSkin()) {
            return Results.fail(rule(), "HAIR_OVER_EYEBROWS", brows, ">= " + Results.fmt(settings.minBrowBandSkin()),
                    SKIN_SHARE_ABOVE_EYEBROWS, FRINGE);
        }
        double ears = Math.max(earSkin(a, face, -1), earSkin(a, face, 1));
        double width = face.head().width() / face.faceWidth();
        double cheekHair = width >= settings.minHairWidth() && ears < settings.minEarSkin()
                ? Math.min(cheekHair(a, face, -1), cheekHair(a, face, 1)) : 0;
        if (cheekHair >= settings.minCheekHair()) {
            return Results.fail(rule(), "HAIR_OVER_EARS", cheekHair, "< " + Results.fmt(settings.minCheekHair()),
                    CHEEK_HAIR_SHARE, EARS);
        }
        return Results.pass(rule(), "HAIR_CLEAR", ears, ">= " + Results.fmt(settings.minEarSkin()),
                EAR_SKIN_SHARE);
    }

    private static double browBandSkin(PhotoAnalysis a, FaceGeometry face, int[] browTop) {
        Point[] band = new Point[browTop.length * 2];
        for (int i = 0; i < browTop.length; i++) {
            Point p = face.landmarks().xy(browTop[i]);
            band[i] = face.offset(p, 0, -0.25 * BAND_HEIGHT);
            band[band.length - 1 - i] = face.offset(p, 0, -1.25 * BAND_HEIGHT);
        }
        Mat mask = Regions.polygon(a.lab().size(), band);
        double share = a.skin().share(mask);
        mask.release();
        return Double.isNaN(share) ? 0 : share;
    }

    /**
     * Share of the strip beside a cheek ({@link FaceGeometry#cheekStrip}) that is the person but not skin: hair
     * hanging beside the cheek.
     */
    private static double cheekHair(PhotoAnalysis a, FaceGeometry face, int side) {
        Mat mask = Regions.polygon(a.lab().size(), face.cheekStrip(side));
        double personShare = a.person().shareOf(mask);
        Core.bitwise_and(mask, a.person().person(), mask);
        double skin = a.skin().shareWithin(a.lab(), mask, EAR_CHROMA_TOLERANCE, EAR_LIGHTNESS_TOLERANCE);
        mask.release();
        return personShare * (1 - (Double.isNaN(skin) ? 0 : skin));
    }

    /**
     * Skin share of the person's pixels in the ear strip ({@link FaceGeometry#earStrip}) on image side
     * {@code side}.
     */
    private static double earSkin(PhotoAnalysis a, FaceGeometry face, int side) {
        Mat mask = Regions.polygon(a.lab().size(), face.earStrip(side));
        Core.bitwise_and(mask, a.person().person(), mask);
        double share = a.skin().shareWithin(a.lab(), mask, EAR_CHROMA_TOLERANCE, EAR_LIGHTNESS_TOLERANCE);
        mask.release();
        return Double.isNaN(share) ? 0 : share;
    }
}
