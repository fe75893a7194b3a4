package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.imgproc.Imgproc;

/**
 * R2: a white, plain, uniform background, measured on the true background pixels only (the segmentation's
 * certain background, kept clear of the person's outline): light enough, neutral, even, and without edges
 * (door frames, furniture, patterns). A light-grey wall is a white wall under ordinary light and passes
 * (docs/photo-audit.md gives the measured numbers behind the limits). A wall whose tint the person shares is
 * coloured by the light, not painted: C6 reports that ({@code PhotoAnalysis#colouredByLight}); a wall that is dark
 * because the whole photo is (C5's {@code PhotoAnalysis#tooDark}) is not called grey. Nor is a wall judged when
 * the photo cuts off the wall the licence portrait shows around the head ({@link LicenceFraming}, C2's measure).
 */
public final class BackgroundCheck extends BaseCheck {

    private static final Measure SHARE_PHOTO_THAT_BACKGROUND = new Measure("照片中背景所占的比例",
            "share of the photo that is background");
    private static final Measure BACKGROUND_LIGHTNESS = new Measure("背景亮度 L*（0–100）", "background L* (0-100)");
    private static final Measure BACKGROUND_CHROMA = new Measure("背景色度", "background chroma");
    private static final Measure BACKGROUND_LIGHTNESS_STD = new Measure("背景亮度 L* 的标准差", "std. dev. of the background's L*");
    private static final Measure BACKGROUND_EDGE_SHARE = new Measure("背景中边缘像素的占比（按 640 像素计）",
            "share of edge pixels in the background (at 640 px)");

    @ConfigMapping(prefix = "photo-audit.r2-background")
    public interface Settings {
        /** Share of the photo that must be certain background for the background to be judged. */
        @WithDefault("0.04")
        double minVisibleShare();

        /** Minimum mean L* (0-100) of the background. */
        @WithDefault("62")
        double minLightness();

        /** Maximum mean chroma (Lab a*b* distance from grey) of the background. */
        @WithDefault("10")
        double maxChroma();

        /** Maximum standard deviation of the background's L*. */
        @WithDefault("9")
        double maxLightnessStdDev();

        /** Maximum share of edge pixels in the background (door frames, furniture, patterns). */
        @WithDefault("0.035")
        double maxEdgeShare();
    }

    /** Long side (px) at which the edge share is counted: the working copy's size for every large upload. */
    static final double REFERENCE_LONG_SIDE = 640;

    private static final Guidance WHITE = new Guidance("背景必须为白色：请站在白色墙壁或白布前拍摄",
            "The background must be white: stand in front of a plain white wall or sheet");
    private static final Guidance PLAIN = new Guidance("背景不够干净：请在没有门框、家具、图案的纯白墙前拍摄",
            "The background is not plain: use a plain white wall without door frames, furniture or patterns");
    private static final Guidance EVEN = new Guidance("背景明暗不均：请让光线均匀照亮身后的白墙，避免阴影",
            "The background is unevenly lit: light the white wall behind you evenly, without shadows");
    private static final Guidance CLOSE = new Guidance("看不到足够的背景：请后退一些，头部上方和两侧留出空白",
            "Not enough background is visible: step back so there is space above and beside your head");

    private final Settings settings;
    private final LicenceFraming framing;

    BackgroundCheck(Settings settings, LicenceFraming framing) {
        super("R2", "BACKGROUND", true);
        this.settings = settings;
        this.framing = framing;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        Mat background = a.person().background();
        double share = Core.countNonZero(background) / (double) background.total();
        if (share < settings.minVisibleShare()) {
            return Results.fail(rule(), "BACKGROUND_NOT_VISIBLE", share, ">= " + Results.fmt(settings.minVisibleShare()),
                    SHARE_PHOTO_THAT_BACKGROUND, CLOSE);
        }
        if (!framing.showsWallAroundHead(a)) {
            // the wall the portrait shows around the head is cut off (C2): the edges left are not the background
            return notAssessable(CLOSE);
        }
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        Core.meanStdDev(a.lab(), mean, std, background);
        LabColour colour = LabColour.fromOpenCv(mean.toArray());
        double lightnessStd = std.toArray()[0] * 100 / 255;
        // a white wall in a photo too dark overall is grey as well: C5 tells the applicant to add light
        if (colour.l() < settings.minLightness() && !a.tooDark()) {
            return Results.fail(rule(), "BACKGROUND_NOT_WHITE", colour.l(), ">= " + Results.fmt(settings.minLightness()),
                    BACKGROUND_LIGHTNESS, WHITE);
        }
        // a wall tinted by coloured light is a white wall: C6 tells the applicant to change the light
        if (colour.chroma() > settings.maxChroma() && !a.colouredByLight()) {
            return Results.fail(rule(), "BACKGROUND_COLOURED", colour.chroma(), "<= " + Results.fmt(settings.maxChroma()),
                    BACKGROUND_CHROMA, WHITE);
        }
        if (lightnessStd > settings.maxLightnessStdDev()) {
            return Results.fail(rule(), "BACKGROUND_NOT_UNIFORM", lightnessStd,
                    "<= " + Results.fmt(settings.maxLightnessStdDev()), BACKGROUND_LIGHTNESS_STD, EVEN);
        }
        // edges are lines: their share of an area grows as the image shrinks (1 px wide at any size); counted
        // as at the reference size, a small upload is held to the same wall as a large one
        double scale = Math.max(a.grey().cols(), a.grey().rows()) / REFERENCE_LONG_SIDE;
        double edges = edgeShare(a.grey(), background) * Math.min(1, scale);
        return Results.atMost(rule(), "BACKGROUND_WHITE", "BACKGROUND_CLUTTERED", edges, settings.maxEdgeShare(),
                BACKGROUND_EDGE_SHARE, PLAIN);
    }

    static double edgeShare(Mat grey, Mat background) {
        Mat edges = new Mat();
        Imgproc.Canny(grey, edges, 40, 100);
        double share = org.elicence.photoaudit.audit.analysis.Regions.shareUnder(edges, background);
        edges.release();
        return share;
    }
}
