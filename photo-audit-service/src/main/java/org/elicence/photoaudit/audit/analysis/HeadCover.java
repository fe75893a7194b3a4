package org.elicence.photoaudit.audit.analysis;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Whether the head is covered: R5's judgement, made here once because two other rules read it. Judged from shape
 * and surface, not colour, so a black cap is caught as well as a red one. The person mask's head silhouette is set
 * against the landmark face outline: a brim stands out wider than the face at the temples; a cap or beanie sits on
 * the forehead, which is bare on a bareheaded person unless a fringe covers it (a cover in the colour of the hair
 * beside the temples, {@link ForeheadCover}: the crown then tells). Above the forehead, hair has strands and sheen:
 * a crown as even and as smooth as fabric is covered (a headscarf, a beanie). A crown that is mostly skin is a bald
 * head, unless the face is framed all round: a bald head leaves the sides of the jaw open (ears, neck, wall), a
 * headscarf in the colour of skin wraps them. A face framed all round whose neck below the chin is not skin either
 * is wrapped like a face in a headscarf, whatever the crown shows (hair escaping above a scarf has all the detail of
 * hair): staff look at it. The crown's surface is not read on a blurred, over-compressed, too dark or washed-out photo
 * (C4's, C7's and C5's decisions), each of which evens hair out as fabric is.
 *
 * <p>R5 reports it; R6 does not read a fringe on the forehead of a covered head (a black cap pulled down reads as
 * black hair over the brows); R11 does not look for earrings under headwear that frames the face all round (a
 * coloured headscarf over the ear lobes reads as gold).
 *
 * @param state     the judgement
 * @param measured   the measure that decided it (NaN when the head could not be judged)
 * @param comparison how the measure is held to its limit on a bare head ("<=", "<" or ">=")
 * @param limit      that limit
 * @param unit       what was measured
 */
public record HeadCover(State state, double measured, String comparison, double limit, Measure unit) {

    private static final Measure BRIM_WIDTH = new Measure("前额上方的头部宽度 / 脸宽",
            "head width above the forehead / face width");
    private static final Measure FOREHEAD_COVERED_SKIN_SHARE = new Measure("上额的皮肤占比（被遮盖，且颜色不同于头发）",
            "skin share of the upper forehead (covered, not in the colour of the hair)");
    private static final Measure CHEEKS_FRAMED_UNDER_SKIN_CROWN = new Measure("脸颊两侧被遮盖的比例（头顶呈皮肤颜色）",
            "share beside the cheeks covered, under a crown in the colour of skin");
    private static final Measure SKIN_SHARE_UPPER_FOREHEAD = new Measure("上额的皮肤占比", "skin share of the upper forehead");
    private static final Measure CROWN_LIGHTNESS_SPREAD = new Measure("头顶亮度 L* 的离散度", "spread of the crown's L*");
    private static final Measure FINE_DETAIL_CROWN = new Measure("头顶的细微纹理", "fine detail of the crown");

    public enum State {
        /** Bareheaded. */
        BARE,
        /** A hat, cap, hood, headscarf or headband. */
        COVERED,
        /** The face is too soft (or blurred) to tell hair from fabric. */
        TOO_SOFT,
        /** The photo is so compressed (C7's decision) that hair is as flat as fabric. */
        COMPRESSED,
        /** The photo is so dark (C5's decision) that hair's lightness steps are as even as fabric's. */
        TOO_DARK,
        /** The photo is so washed out (C5's decision) that hair's lightness steps are lifted into one pale tone. */
        WASHED_OUT,
        /** A smooth crown over a face framed all round: sleek long hair or a headscarf. */
        FRAMED,
        /** Framed all round and wrapped under the chin: a headscarf or a high collar. */
        WRAPPED,
        /**
         * A crown in the colour of skin over a face framed all round, with the mouth covered (R9's decision): a scarf
         * or mask pulled up lies beside the cheeks too, so the framing is no sign of a headscarf.
         */
        LOWER_FACE_COVERED
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

    public boolean covered() {
        return state == State.COVERED;
    }

    static HeadCover judge(PhotoAnalysis a, AuditConfig.HeadCovering s) {
        FaceGeometry face = a.requireFace();
        double brim = silhouetteWidthAboveForehead(a, face) / face.faceWidth();
        if (brim > s.maxBrimWidth()) {
            return new HeadCover(State.COVERED, brim, "<=", s.maxBrimWidth(),
                    BRIM_WIDTH);
        }
        double forehead = a.forehead().skinShare();
        double minForehead = a.foreheadSettings().minSkin();
        if (a.foreheadUnderHeadwear()) {
            if (a.blockiness().overCompressed()) {
                // JPEG quantisation shifts the forehead's block colours away from the skin's (C7 reports it)
                return notJudged(State.COMPRESSED);
            }
            return new HeadCover(State.COVERED, forehead, ">=", minForehead,
                    FOREHEAD_COVERED_SKIN_SHARE);
        }
        Mat crown = crownBand(a, face);
        try {
            if (a.skin().share(crown) >= BALD_SKIN_SHARE) {
                if (a.framedAllRound() >= s.maxFramedCheeks()) {
                    if (a.mouthCovered()) {
                        return notJudged(State.LOWER_FACE_COVERED);
                    }
                    return new HeadCover(State.COVERED, a.framedAllRound(), "<", s.maxFramedCheeks(),
                            CHEEKS_FRAMED_UNDER_SKIN_CROWN);
                }
                return new HeadCover(State.BARE, forehead, ">=", minForehead, SKIN_SHARE_UPPER_FOREHEAD);
            }
            if (a.blurred()) {
                // blurred hair is as even and as smooth as fabric (C4 reports the blur, in one direction or all)
                return notJudged(State.TOO_SOFT);
            }
            if (a.blockiness().overCompressed()) {
                // JPEG quantisation removes the fine detail and the lightness steps of hair (C7 reports it)
                return notJudged(State.COMPRESSED);
            }
            if (a.tooDark()) {
                // too little light leaves the crown's lightness as even as fabric's (C5 reports the exposure)
                return notJudged(State.TOO_DARK);
            }
            if (a.washedOut()) {
                // over-exposure lifts the crown's shadows into its highlights, as even as fabric (C5 reports it)
                return notJudged(State.WASHED_OUT);
            }
            MatOfDouble mean = new MatOfDouble();
            MatOfDouble std = new MatOfDouble();
            Core.meanStdDev(a.grey(), mean, std, crown);
            double spread = std.toArray()[0] * 100 / 255;
            mean.release();
            std.release();
            if (spread < s.minCrownLightnessSpread()) {
                return new HeadCover(State.COVERED, spread, ">=", s.minCrownLightnessSpread(),
                        CROWN_LIGHTNESS_SPREAD);
            }
            Mat faceMask = Regions.polygon(a.grey().size(), face.landmarks().polygon(FaceLandmarks.FACE_OVAL));
            double[] details = detailAtFixedScale(a.grey(), face.faceWidth(), crown, faceMask);
            faceMask.release();
            double crownDetail = details[0];
            double faceDetail = details[1];
            if (faceDetail < s.minFaceDetail()) {
                return notJudged(State.TOO_SOFT);
            }
            if (crownDetail >= s.minCrownDetail() && a.framedAllRound() >= s.maxFramedCheeks()) {
                if (crownDetail < s.minFramedCrownDetail()) {
                    // a smooth crown over a face framed all round: sleek long hair or a headscarf; staff tell them apart
                    return notJudged(State.FRAMED);
                }
                if (neckSkin(a, face) < s.minFramedNeckSkin()) {
                    // wrapped under the chin as well: a headscarf whose escaping hair gives the crown hair's detail
                    return notJudged(State.WRAPPED);
                }
            }
            return new HeadCover(crownDetail >= s.minCrownDetail() ? State.BARE : State.COVERED, crownDetail,
                    ">=", s.minCrownDetail(), FINE_DETAIL_CROWN);
        } finally {
            crown.release();
        }
    }

    private static HeadCover notJudged(State state) {
        return new HeadCover(state, Double.NaN, null, Double.NaN, null);
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
        try (NativeMats mats = new NativeMats()) {
            Mat resized = mats.mat();
            Imgproc.resize(mats.view(grey, box), resized, size, 0, 0, f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            Mat detail = mats.mat();
            Imgproc.Laplacian(resized, detail, CvType.CV_32F, 3);
            Core.absdiff(detail, new Scalar(0), detail);
            for (int i = 0; i < masks.length; i++) {
                Mat m = mats.mat();
                Imgproc.resize(mats.view(masks[i], box), m, size, 0, 0, Imgproc.INTER_NEAREST);
                means[i] = Core.countNonZero(m) == 0 ? 0 : Core.mean(detail, m).val[0];
            }
        }
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
