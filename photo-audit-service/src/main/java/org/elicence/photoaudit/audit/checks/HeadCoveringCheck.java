package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.core.Point;

/**
 * R5: bareheaded. Judged from shape and surface, not colour, so a black cap is caught as well as a red one. The
 * person mask's head silhouette is set against the landmark face outline: a brim stands out wider than the face
 * at the temples; a cap or beanie sits on the forehead, which is bare on a bareheaded person unless a fringe covers
 * it (a cover in the colour of the hair beside the temples, {@code ForeheadCover}: the crown then tells).
 * Above the forehead, hair has strands and sheen: a crown as even and as smooth as fabric is covered (a
 * headscarf, a beanie). A crown that is mostly skin is a bald head, unless the face is framed all round: a bald
 * head leaves the sides of the jaw open (ears, neck, wall), a headscarf in the colour of skin wraps them. A face
 * framed all round whose neck below the chin is not skin either is wrapped like a face in a headscarf, whatever the
 * crown shows (hair escaping above a scarf has all the detail of hair): staff look at it.
 */
public final class HeadCoveringCheck extends BaseCheck {

    @ConfigMapping(prefix = "photo-audit.r5-head-covering")
    public interface Settings {
        /** Head silhouette width just above the forehead / face width above this: a brim. */
        @WithDefault("1.6")
        double maxBrimWidth();

        /** Minimum spread (std. dev. of L*) of the crown above the forehead: hair has strands and sheen. */
        @WithDefault("6.5")
        double minCrownLightnessSpread();

        /**
         * Minimum fine detail of the crown (mean |Laplacian| in grey levels, with the face resampled to 200 px
         * wide): fabric is smoother than hair.
         */
        @WithDefault("17")
        double minCrownDetail();

        /**
         * With a crown in the colour of skin: share of the strips beside both cheeks (widest point to jaw angle)
         * covered by the person from which the face is framed all round, as by a headscarf.
         */
        @WithDefault("0.95")
        double maxFramedCheeks();

        /**
         * With the face framed all round, crown detail below this is not clearly hair (sleek long hair or a
         * headscarf): NOT_ASSESSABLE, for staff. Above every generated headscarf (max 19.8), at the 10th
         * percentile of the calibration people's crowns (21.2).
         */
        @WithDefault("22")
        double minFramedCrownDetail();

        /**
         * With the face framed all round, skin share of the neck just below the chin (of the person's pixels there)
         * below which the face is wrapped under the chin too, as by a headscarf or a high collar: NOT_ASSESSABLE,
         * for staff. Midway between the calibration people's generated headscarves (at most 0.59) and their real
         * hair framing the face (0.92).
         */
        @WithDefault("0.75")
        double minFramedNeckSkin();

        /** Fine detail of the face (same scale) below which the photo is too soft to tell hair from fabric. */
        @WithDefault("6")
        double minFaceDetail();
    }

    /** Where the silhouette width is read: this many face widths above the top of the forehead. */
    static final double BRIM_HEIGHT = 0.08;
    /** Half width of the crown band, in face widths. */
    static final double CROWN_HALF_WIDTH = 0.3;
    /** A crown this much skin is a bald or shaved head: bare by definition. */
    static final double BALD_SKIN_SHARE = 0.6;
    /** Neck band below the chin: half width, top and bottom below the chin, in face widths. */
    static final double NECK_HALF_WIDTH = 0.2;
    static final double NECK_TOP = 0.08;
    static final double NECK_BOTTOM = 0.3;
    /** Face width the crown's detail is measured at. */
    static final double DETAIL_FACE_WIDTH = 200;

    private static final Guidance TOO_SOFT = new Guidance("照片不够清晰，无法判断是否戴帽或头巾：请在光线充足处重新拍摄清晰照片",
            "The photo is not sharp enough to tell hair from a hat or headscarf: retake a sharp photo in good light");
    private static final Guidance FRAMED = new Guidance(
            "无法判断是否戴了头巾，工作人员将人工审核；如需自动通过，请将头发拢到耳后，露出双耳和下颌两侧",
            "We could not tell whether your head is covered, so staff will check the photo; for an automatic answer,"
                    + " tuck your hair behind your ears so your ears and jaw line show");
    private static final Guidance WRAPPED = new Guidance(
            "您的脸部四周及下巴下方均被遮盖（如头巾或高领），工作人员将人工审核；如需自动通过，请摘下头巾并露出颈部",
            "Your face looks wrapped all round and under the chin, as by a headscarf or a high collar, so staff will"
                    + " check the photo; for an automatic answer, take off any headscarf and leave your neck visible");
    private static final Guidance REMOVE = new Guidance("请勿戴帽子、头巾或发箍，露出整个头部",
            "Remove your hat, cap, hood, headscarf or headband so your whole head is visible");

    private final Settings settings;

    public HeadCoveringCheck(Settings settings) {
        super("R5", "HEAD_COVERING", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        double brim = silhouetteWidthAboveForehead(a, face) / face.faceWidth();
        if (brim > settings.maxBrimWidth()) {
            return Results.fail(rule(), "HEAD_COVERED", brim, "<= " + Results.fmt(settings.maxBrimWidth()),
                    "head width above the forehead / face width", REMOVE);
        }
        double forehead = a.forehead().skinShare();
        String minForehead = ">= " + Results.fmt(a.foreheadSettings().minSkin());
        if (a.foreheadUnderHeadwear()) {
            return Results.fail(rule(), "HEAD_COVERED", forehead, minForehead,
                    "skin share of the upper forehead (covered, not in the colour of the hair)", REMOVE);
        }
        Mat crown = crownBand(a, face);
        try {
            if (a.skin().share(crown) >= BALD_SKIN_SHARE) {
                double framed = framedAllRound(a, face);
                if (framed >= settings.maxFramedCheeks()) {
                    return Results.fail(rule(), "HEAD_COVERED", framed, "< " + Results.fmt(settings.maxFramedCheeks()),
                            "share beside the cheeks covered, under a crown in the colour of skin", REMOVE);
                }
                return Results.pass(rule(), "BAREHEADED", forehead, minForehead, "skin share of the upper forehead");
            }
            if (a.blurred()) {
                // blurred hair is as even and as smooth as fabric (C4 reports the blur, in one direction or all)
                return notAssessable(TOO_SOFT);
            }
            MatOfDouble mean = new MatOfDouble();
            MatOfDouble std = new MatOfDouble();
            Core.meanStdDev(a.grey(), mean, std, crown);
            double spread = std.toArray()[0] * 100 / 255;
            if (spread < settings.minCrownLightnessSpread()) {
                return Results.fail(rule(), "HEAD_COVERED", spread,
                        ">= " + Results.fmt(settings.minCrownLightnessSpread()), "spread of the crown's L*", REMOVE);
            }
            Mat faceMask = Regions.polygon(a.grey().size(), face.landmarks().polygon(FaceLandmarks.FACE_OVAL));
            double[] details = detailAtFixedScale(a.grey(), face.faceWidth(), crown, faceMask);
            faceMask.release();
            double crownDetail = details[0];
            double faceDetail = details[1];
            if (faceDetail < settings.minFaceDetail()) {
                return notAssessable(TOO_SOFT);
            }
            if (crownDetail >= settings.minCrownDetail() && framedAllRound(a, face) >= settings.maxFramedCheeks()) {
                if (crownDetail < settings.minFramedCrownDetail()) {
                    // a smooth crown over a face framed all round: sleek long hair or a headscarf; staff tell them apart
                    return notAssessable(FRAMED);
                }
                if (neckSkin(a, face) < settings.minFramedNeckSkin()) {
                    // wrapped under the chin as well: a headscarf whose escaping hair gives the crown hair's detail
                    return notAssessable(WRAPPED);
                }
            }
            return Results.atLeast(rule(), "BAREHEADED", "HEAD_COVERED", crownDetail, settings.minCrownDetail(),
                    "fine detail of the crown", REMOVE);
        } finally {
            crown.release();
        }
    }

    /**
     * Mean |Laplacian| under each mask, measured on the photo resampled so that the face is
     * {@link #DETAIL_FACE_WIDTH} px wide: fine detail then means the same at every upload resolution.
     */
    static double[] detailAtFixedScale(Mat grey, double faceWidth, Mat... masks) {
        Rect box = Imgproc.boundingRect(masks[0]);
        for (Mat m : masks) {
            Rect r = Imgproc.boundingRect(m);
            int x0 = Math.min(box.x, r.x);
            int y0 = Math.min(box.y, r.y);
            box = new Rect(x0, y0, Math.max(box.x + box.width, r.x + r.width) - x0,
                    Math.max(box.y + box.height, r.y + r.height) - y0);
        }
        double[] means = new double[masks.length];
        if (box.area() == 0) {
            return means;
        }
        double f = DETAIL_FACE_WIDTH / Math.max(1, faceWidth);
        Size size = new Size(Math.max(1, Math.round(box.width * f)), Math.max(1, Math.round(box.height * f)));
        Mat resized = new Mat();
        Imgproc.resize(grey.submat(box), resized, size, 0, 0, f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        Mat detail = new Mat();
        Imgproc.Laplacian(resized, detail, CvType.CV_32F, 3);
        Core.absdiff(detail, new Scalar(0), detail);
        for (int i = 0; i < masks.length; i++) {
            Mat m = new Mat();
            Imgproc.resize(masks[i].submat(box), m, size, 0, 0, Imgproc.INTER_NEAREST);
            means[i] = Core.countNonZero(m) == 0 ? 0 : Core.mean(detail, m).val[0];
            m.release();
        }
        resized.release();
        detail.release();
        return means;
    }

    /** The person's pixels from the top of the forehead up to the crown, 0.3 face widths either side of the centre line. */
    static Mat crownBand(PhotoAnalysis a, FaceGeometry face) {
        Point top = face.landmarks().xy(FaceLandmarks.FOREHEAD_TOP);
        Point crown = face.head().crown();
        double half = CROWN_HALF_WIDTH;
        Point[] band = {face.offset(crown, -half, 0), face.offset(crown, half, 0), face.offset(top, half, 0),
                face.offset(top, -half, 0)};
        Mat mask = Regions.polygon(a.grey().size(), band);
        Core.bitwise_and(mask, a.person().person(), mask);
        return mask;
    }

    /** The lesser share of the strips beside the two cheeks that is the person: 1 when the face is framed all round. */
    static double framedAllRound(PhotoAnalysis a, FaceGeometry face) {
        return Math.min(cheekCover(a, face, -1), cheekCover(a, face, 1));
    }

    /** Share of the strip beside a cheek ({@link FaceGeometry#cheekStrip}, as R6 reads it) that is the person. */
    static double cheekCover(PhotoAnalysis a, FaceGeometry face, int side) {
        Mat strip = Regions.polygon(a.lab().size(), face.cheekStrip(side));
        double share = a.person().shareOf(strip);
        strip.release();
        return share;
    }

    /**
     * Skin share of the person's pixels in the band just below the chin; NaN where the band holds no person (a
     * photo cut at the chin), which never counts as wrapped.
     */
    static double neckSkin(PhotoAnalysis a, FaceGeometry face) {
        Point chin = face.landmarks().xy(FaceLandmarks.CHIN);
        Point[] band = {face.offset(chin, -NECK_HALF_WIDTH, NECK_TOP), face.offset(chin, NECK_HALF_WIDTH, NECK_TOP),
                face.offset(chin, NECK_HALF_WIDTH, NECK_BOTTOM), face.offset(chin, -NECK_HALF_WIDTH, NECK_BOTTOM)};
        Mat mask = Regions.polygon(a.lab().size(), band);
        Core.bitwise_and(mask, a.person().person(), mask);
        double share = a.skin().share(mask);
        mask.release();
        return share;
    }

    /** Width of the person mask's run through the face's centre line just above the forehead. */
    static double silhouetteWidthAboveForehead(PhotoAnalysis a, FaceGeometry face) {
        Point across = face.across();
        Point centre = face.offset(face.landmarks().xy(FaceLandmarks.FOREHEAD_TOP), 0, -BRIM_HEIGHT);
        double width = 0;
        for (int side : new int[] {-1, 1}) {
            int gap = 0;
            double last = 0;
            for (int step = 0; step < 2 * face.faceWidth(); step++) {
                int x = (int) Math.round(centre.x + side * across.x * step);
                int y = (int) Math.round(centre.y + side * across.y * step);
                if (a.person().isPerson(x, y)) {
                    last = step;
                    gap = 0;
                } else if (++gap > 3) {
                    break;
                }
            }
            width += last;
        }
        return width;
    }
}
