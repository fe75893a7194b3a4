package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.elicence.photoaudit.audit.analysis.MouthCover;
import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * R9: nothing covering the face. The landmark model places the mouth and nose even under a mask or a hand, so
 * the check looks at what is there: the nose must be the person's skin, and the lips must stand out from the
 * skin around them and keep a lip's colour. A mask, scarf or hand covers both the lips and their surroundings
 * with one material, so the contrast vanishes, and a grey, black or white covering has no lip colour; a beard
 * or moustache leaves the lips visible and the nose bare, so it passes. The mouth's measures
 * ({@link org.elicence.photoaudit.audit.analysis.MouthCover}, shared settings {@code photo-audit.mouth.*}) decide for
 * C9 too: it does not judge an expression under a covered mouth. A covering found on an over-compressed photo (C7's
 * decision) is NOT_ASSESSABLE: the quantised colours of skin are no longer the skin's.
 */
public final class FaceCoverCheck extends BaseCheck {

    private static final Measure SHARE_NOSE_WITH_SKIN_COLOUR = new Measure("鼻子呈皮肤颜色的比例",
            "share of the nose with skin colour");
    private static final Measure SKIN_SHARE_LOWER_FACE = new Measure("下半脸的皮肤占比", "skin share of the lower face");
    private static final Measure LIP_CHROMA_SKIN_CHROMA = new Measure("嘴唇色度 / 皮肤色度", "lip chroma / skin chroma");

    @ConfigMapping(prefix = "photo-audit.r9-face-cover")
    public interface Settings {
        /** Minimum share of the nose that has the person's skin colour. */
        @WithDefault("0.35")
        double minNoseSkin();
    }

    /** The nose: bridge between the eyes, ridge, tip, alae and nostrils (the hull of these landmarks). */
    static final int[] NOSE = {168, 6, 197, 195, 5, 4, 1, 2, 98, 327, 129, 358, 49, 279, 64, 294};
    /** L* above the skin reference from which a paler pixel of the nose is a highlight, not a covering. */
    static final double HIGHLIGHT_ABOVE_SKIN = 8;

    private static final Guidance UNCOVER = new Guidance("脸部被遮挡：请摘下口罩、围巾，手和手机不要挡住脸",
            "Your face is covered: take off masks and scarves, and keep hands and phone away from your face");

    private static final Guidance COMPRESSED = new Guidance("照片压缩过度，无法判断脸部是否被遮挡：请上传原始照片",
            "The photo is too compressed to tell whether something covers your face: upload the original file");

    private final Settings settings;

    public FaceCoverCheck(Settings settings) {
        super("R9", "FACE_COVERED", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        // JPEG quantisation shifts each block's colour away from the skin's (C7 reports it): the nose and the lower
        // face of uncovered people read as something else
        return unlessDefeated(judge(a), a.blockiness().overCompressed(), COMPRESSED);
    }

    private CheckResult judge(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        MouthCover mouth = a.mouth();
        Optional<MouthCover.Covered> covered = mouth.covered(a.mouthSettings());
        if (covered.isPresent()) {
            MouthCover.Covered c = covered.get();
            return Results.fail(rule(), "FACE_COVERED", c.measured(), ">= " + Results.fmt(c.minimum()), c.unit(),
                    UNCOVER);
        }
        double noseSkin = litSkinShare(a, Regions.hull(a.lab().size(), face.landmarks().polygon(NOSE)));
        if (noseSkin < settings.minNoseSkin()) {
            return Results.fail(rule(), "FACE_COVERED", noseSkin, ">= " + Results.fmt(settings.minNoseSkin()),
                    SHARE_NOSE_WITH_SKIN_COLOUR, UNCOVER);
        }
        if (mouth.colourless()) {
            // a greyscale photo has no colour to compare (C6 says so): the lower face's skin share is what was judged
            return Results.pass(rule(), "FACE_UNCOVERED", mouth.lowerFaceSkin(),
                    ">= " + Results.fmt(a.mouthSettings().minLowerFaceSkin()), SKIN_SHARE_LOWER_FACE);
        }
        return Results.pass(rule(), "FACE_UNCOVERED", mouth.lipChroma(),
                ">= " + Results.fmt(a.mouthSettings().minLipChroma()), LIP_CHROMA_SKIN_CHROMA);
    }

    /**
     * Share of {@code region} (released here) that is the person's skin, lit or not: a highlight (shine, a flash, a
     * lamp) mixes the skin with white, lighter and paler than it, and counts as the skin it lies on. Left out of the
     * share instead (as before), a flash spot over most of the nose left the nostrils' shadow to stand for the
     * nose, and nine hot spots on the nose were called a covering.
     */
    private static double litSkinShare(PhotoAnalysis a, Mat region) {
        Rect box = Imgproc.boundingRect(region);
        double total = Core.countNonZero(region);
        if (box.area() == 0 || total == 0) {
            region.release();
            return Double.NaN;
        }
        try (NativeMats mats = new NativeMats()) {
            mats.add(region);
            Mat litSkin = mats.add(highlights(mats.view(a.lab(), box), a.skin().reference8()));
            Core.bitwise_or(litSkin, mats.view(a.skin().mask(), box), litSkin);
            Core.bitwise_and(litSkin, mats.view(region, box), litSkin);
            return Core.countNonZero(litSkin) / total;
        }
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
}
