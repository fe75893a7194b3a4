package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Point;

/**
 * R8: proper clothing. Bare shoulders: the shoulder zones of the person's silhouette (outside the neck and neckline,
 * below the chin) show the person's skin. A white top merging with the background: the top's colour (the person's non-
 * skin pixels in those zones) is as close to the background's as the eye could not tell them apart. A white T-shirt in
 * front of a light-grey wall is told apart and passes (docs/photo-audit.md). In a photo too dark overall (C5) clothing
 * and skin cannot be told apart, in a washed-out one (C5) a white top and the wall: NOT_ASSESSABLE, with C5's advice;
 * in a photo without colour (C6) a pale top and skin: NOT_ASSESSABLE. Nor is the top compared with the wall when the
 * photo cuts off the wall the licence portrait shows around the head ({@link LicenceFraming}, C2's measure): the
 * slivers left at the frame's edges are no measure of the wall behind the shoulders.
 */
public final class ClothingCheck extends BaseCheck {

    private static final Measure SHOULDER_SKIN_NO_SHOULDERS = new Measure("肩部的皮肤占比（照片中没有肩部）",
            "skin share at the shoulders (none in the photo)");
    private static final Measure SKIN_SHARE_BESIDE_NECK = new Measure("颈部两侧的皮肤占比", "skin share beside the neck");
    private static final Measure TOP_TO_BACKGROUND_DELTA_E = new Measure("上衣与背景的色差（ΔE）",
            "top / background colour difference (ΔE)");

    @ConfigMapping(prefix = "photo-audit.r8-clothing")
    public interface Settings {
        /** Largest skin share of the shoulder zones accepted. */
        @WithDefault("0.5")
        double maxShoulderSkin();

        /** Smallest colour difference (Lab ΔE) between the top and the background accepted. */
        @WithDefault("3")
        double minContrastWithBackground();
    }

    /** The shoulders' ends begin this many face widths either side of the face's centre. */
    static final double SHOULDER_ENDS = 0.6;
    private static final Guidance COVERED = new Guidance("请穿有袖、不露肩的上衣，不要穿低领或吊带衣服",
            "Wear a top with sleeves; no bare shoulders, sleeveless or low-cut tops");
    private static final Guidance CONTRAST = new Guidance("上衣颜色与白色背景几乎一样：请换一件深色或彩色上衣",
            "Your top looks the same as the background: wear a darker or coloured top");

    private static final Guidance TOO_DARK = new Guidance("照片太暗，无法分辨衣服和皮肤：请在明亮均匀的光线下重新拍摄",
            "The photo is too dark to tell your clothes from your skin: retake it in bright, even light");

    private static final Guidance TOO_BRIGHT = new Guidance("照片过亮，无法分辨衣服和背景：请关闭闪光灯，避免强光直射后重新拍摄",
            "The photo is too bright to tell your clothes from the background: turn off the flash, avoid direct"
                    + " strong light and retake it");

    private static final Guidance NO_COLOUR = new Guidance("照片没有颜色，无法分辨衣服和皮肤：请上传彩色照片",
            "The photo has no colour to tell your clothes from your skin: upload a colour photo");

    private static final Guidance NO_WALL = new Guidance("露出的背景太少，无法比较上衣和背景：请后退一些，头部上方和两侧留出空白",
            "Too little of the wall shows to compare your top with it: step back so there is space above and beside"
                    + " your head");

    private final Settings settings;
    private final LicenceFraming framing;

    ClothingCheck(Settings settings, LicenceFraming framing) {
        super("R8", "CLOTHING", true);
        this.settings = settings;
        this.framing = framing;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        if (a.tooDark()) {
            // dark grey cloth and dark skin are one colour once the photo is this dark (C5 reports the exposure)
            return notAssessable(TOO_DARK);
        }
        if (a.washedOut()) {
            // a white top is clipped to the wall's white, and pale cloth takes the washed-out skin's colour (C5)
            return notAssessable(TOO_BRIGHT);
        }
        if (a.colourless()) {
            // in grey a white or pale top can be as light as the skin beside the neck (C6 asks for a colour photo)
            return notAssessable(NO_COLOUR);
        }
        FaceGeometry face = a.requireFace();
        Mat zones = shoulderZones(a, face);
        if (Core.countNonZero(zones) == 0) {
            // a photo this narrow shows no shoulder, and neither will the licence portrait cut from it
            zones.release();
            return Results.pass(rule(), "CLOTHING_OK", 0.0, "<= " + Results.fmt(settings.maxShoulderSkin()),
                    SHOULDER_SKIN_NO_SHOULDERS);
        }
        double skin = a.skin().share(zones);
        if (skin > settings.maxShoulderSkin()) {
            zones.release();
            return Results.fail(rule(), "BARE_SHOULDERS", skin, "<= " + Results.fmt(settings.maxShoulderSkin()),
                    SKIN_SHARE_BESIDE_NECK, COVERED);
        }
        if (!framing.showsWallAroundHead(a)) {
            zones.release();
            return notAssessable(NO_WALL);
        }
        Core.subtract(zones, a.skin().mask(), zones);
        LabColour top = LabColour.fromOpenCv(Regions.meanUnder(a.lab(), zones));
        LabColour wall = LabColour.fromOpenCv(Regions.meanUnder(a.lab(), a.person().background()));
        zones.release();
        double contrast = top.distance(wall);
        if (Double.isNaN(contrast)) {
            return Results.pass(rule(), "CLOTHING_OK", skin, "<= " + Results.fmt(settings.maxShoulderSkin()),
                    SKIN_SHARE_BESIDE_NECK);
        }
        return Results.atLeast(rule(), "CLOTHING_OK", "CLOTHING_MERGES_WITH_BACKGROUND", contrast,
                settings.minContrastWithBackground(), TOP_TO_BACKGROUND_DELTA_E, CONTRAST);
    }

    /**
     * The shoulders' ends: person pixels in the lowest rows of the photo (the bottom tenth, at most 0.4 face widths
     * tall) beyond 0.6 face widths either side of the face's centre, where sleeves or bare shoulders are; the
     * neckline between them is left out, whatever its cut.
     */
    static Mat shoulderZones(PhotoAnalysis a, FaceGeometry face) {
        Mat zones = Mat.zeros(a.lab().size(), org.opencv.core.CvType.CV_8U);
        int rows = a.lab().rows();
        int cols = a.lab().cols();
        double chinY = face.landmarks().xy(152).y;
        int top = (int) Math.round(Math.max(chinY, rows - Math.min(0.1 * rows, 0.4 * face.faceWidth())));
        Point right = face.landmarks().xy(234);
        Point left = face.landmarks().xy(454);
        double centreX = (right.x + left.x) / 2;
        int inner = (int) Math.round(SHOULDER_ENDS * face.faceWidth());
        int leftEnd = (int) Math.max(0, Math.min(cols, Math.round(centreX - inner)));
        int rightStart = (int) Math.max(0, Math.min(cols, Math.round(centreX + inner)));
        if (top < rows) {
            Regions.fill(zones, new Rect(0, top, leftEnd, rows - top), new org.opencv.core.Scalar(255));
            Regions.fill(zones, new Rect(rightStart, top, cols - rightStart, rows - top), new org.opencv.core.Scalar(255));
        }
        Core.bitwise_and(zones, a.person().person(), zones);
        return zones;
    }
}
