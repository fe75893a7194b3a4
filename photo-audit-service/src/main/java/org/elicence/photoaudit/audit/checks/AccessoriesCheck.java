package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * R11: no accessories, as far as pixels can tell: earrings. Where the ear lobes hang (just below the face
 * outline's widest point), gold, coloured stones and enamel show as pixels far more saturated than the
 * person's skin; hair, skin and wall are not. Silver and clear stones, necklaces and hair ornaments are not
 * measured (docs/photo-audit.md). Not judged under headwear that frames the face all round (R5's judgement,
 * {@code HeadCover}): the lobes are under it. Earrings found beside a covered mouth (R9's decision) are
 * NOT_ASSESSABLE: a scarf pulled up over the mouth reaches the lobes.
 */
public final class AccessoriesCheck extends BaseCheck {

    private static final Measure JEWELLERY_LIKE_SHARE_EAR_LOBES = new Measure("耳垂处类似首饰的像素占比",
            "jewellery-like share at the ear lobes");

    @ConfigMapping(prefix = "photo-audit.r11-accessories")
    public interface Settings {
        /** Largest share of jewellery-like pixels in an ear-lobe zone accepted. */
        @WithDefault("0.03")
        double maxJewelleryShare();
    }

    /** A pixel is jewellery-like when its chroma exceeds the skin's by this much. */
    static final double EXTRA_CHROMA = 18;
    /** ... and at least this chroma whatever the skin: auburn hair reaches about 30. */
    static final double MIN_JEWELLERY_CHROMA = 34;
    /** Ear-lobe zone: its centre below the face's widest point and its radius, in face widths. */
    static final double LOBE_DROP = 0.12;
    static final double LOBE_SIZE = 0.09;

    private static final Guidance REMOVE = new Guidance("请摘下耳环、项链、发饰等饰品后重新拍摄",
            "Take off earrings, necklaces and hair ornaments, then retake the photo");

    private static final Guidance EARS_COVERED = new Guidance("头巾遮住了耳朵，无法检查是否佩戴耳环：请摘下头巾，露出双耳",
            "Your ears are under a head covering, so earrings cannot be checked: take it off so both ears show");
    private static final Guidance LOWER_FACE_COVERED = new Guidance("脸的下半部分被遮挡，无法检查是否佩戴耳环：请取下遮挡物后重新拍摄",
            "The lower half of your face is covered, so earrings cannot be checked: take off what covers it and retake"
                    + " the photo");

    private final Settings settings;

    public AccessoriesCheck(Settings settings) {
        super("R11", "ACCESSORIES", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        if (a.earsUnderHeadwear()) {
            // a coloured headscarf over the lobes is as saturated as gold; R5 reports the headscarf
            return notAssessable(EARS_COVERED);
        }
        double share = Math.max(lobeShare(a, face, FaceLandmarks.RIGHT_FACE_EDGE),
                lobeShare(a, face, FaceLandmarks.LEFT_FACE_EDGE));
        CheckResult result = Results.atMost(rule(), "NO_ACCESSORIES", "EARRINGS", share, settings.maxJewelleryShare(),
                JEWELLERY_LIKE_SHARE_EAR_LOBES, REMOVE);
        // a scarf pulled up over the mouth reaches the lobes, and its colour is as saturated as gold; R9 reports it
        return unlessDefeated(result, a.mouthCovered(), LOWER_FACE_COVERED);
    }

    private static double lobeShare(PhotoAnalysis a, FaceGeometry face, int edgeLandmark) {
        // the lobe hangs just below the face outline's widest point (landmarks 234/454, at the ear's tragus)
        Point centre = face.offset(face.landmarks().xy(edgeLandmark), 0, LOBE_DROP);
        double radius = LOBE_SIZE * face.faceWidth();
        Rect box = Regions.clip(new Rect((int) Math.floor(centre.x - radius), (int) Math.floor(centre.y - radius),
                (int) Math.ceil(2 * radius) + 1, (int) Math.ceil(2 * radius) + 1), a.lab());
        if (box.area() == 0) {
            return 0;
        }
        Mat zone = Regions.disc(box.size(), new Point(centre.x - box.x, centre.y - box.y), radius);
        Mat lab = a.lab().submat(box);
        Mat chroma = Regions.chroma(lab);
        Mat saturated = new Mat();
        double limit = Math.max(a.skin().reference().chroma() + EXTRA_CHROMA, MIN_JEWELLERY_CHROMA);
        Core.compare(chroma, new Scalar(limit), saturated, Core.CMP_GT);
        double share = Regions.shareUnder(saturated, zone);
        for (Mat m : new Mat[] {zone, lab, chroma, saturated}) {
            m.release();
        }
        return Double.isNaN(share) ? 0 : share;
    }
}
