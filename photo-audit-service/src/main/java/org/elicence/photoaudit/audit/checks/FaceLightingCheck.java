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
import org.opencv.core.Mat;

/**
 * R1: uniform light on the face. Side imbalance: the lightness of the two cheeks and temples, placed by the
 * landmarks, compared; hot spots: the share of the face's skin (eyes excluded: glare on glasses is R10) clipped
 * to white. A hot spot is local: when C5 finds the photo washed out ({@code PhotoAnalysis#washedOut}: the pupils
 * no longer black, or several parts of the face white), the whole grey scale is lifted and every bright part of the
 * face clips, so a clipped share says nothing of a spot.
 */
public final class FaceLightingCheck extends BaseCheck {

    @ConfigMapping(prefix = "photo-audit.r1-face-lighting")
    public interface Settings {
        /** Largest |L*(right side) - L*(left side)| / the lighter side accepted. */
        @WithDefault("0.28")
        double maxSideImbalance();

        /** Largest share of face pixels at grey >= 250 (hot spots) accepted. */
        @WithDefault("0.02")
        double maxHotSpotShare();
    }

    /** Patches on each side of the face: cheekbone, cheek, temple (landmarks of the subject's right, then left). */
    static final int[] RIGHT_SIDE = {117, 50, 139};
    static final int[] LEFT_SIDE = {346, 280, 368};
    private static final double PATCH_RADIUS = 0.06;

    private static final Guidance EVEN = new Guidance("脸部光线不均匀，一侧偏暗：请面向光源（如窗户），让光线均匀照在脸上",
            "One side of your face is darker: face the light source (for example a window) so the light is even");
    private static final Guidance FLASH = new Guidance("脸部有反光亮斑：请关闭闪光灯，面向窗户等柔和光源拍摄",
            "There are bright flash spots on your face: turn off the flash and face a window");

    private static final Guidance WASHED_OUT = new Guidance("照片过亮，无法判断脸上是否有反光亮斑：请关闭闪光灯，避免强光直射后重新拍摄",
            "The photo is too washed out to tell flash spots on your face: turn off the flash, avoid direct strong"
                    + " light and retake it");

    private final Settings settings;

    public FaceLightingCheck(Settings settings) {
        super("R1", "FACE_LIGHTING", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        double right = sideLightness(a, face, RIGHT_SIDE);
        double left = sideLightness(a, face, LEFT_SIDE);
        double imbalance = Math.abs(right - left) / Math.max(1, Math.max(right, left));
        if (imbalance > settings.maxSideImbalance()) {
            return Results.fail(rule(), "UNEVEN_LIGHTING", imbalance, "<= " + Results.fmt(settings.maxSideImbalance()),
                    "lightness difference between the face's sides", EVEN);
        }
        if (a.washedOut()) {
            return notAssessable(WASHED_OUT);
        }
        Mat skin = Regions.polygon(a.grey().size(), face.landmarks().polygon(FaceLandmarks.FACE_OVAL));
        Mat eyes = EyesCheck.lensRegion(a, face.landmarks(), FaceLandmarks.RIGHT_EYE);
        Mat leftEye = EyesCheck.lensRegion(a, face.landmarks(), FaceLandmarks.LEFT_EYE);
        Core.bitwise_or(eyes, leftEye, eyes);
        Core.subtract(skin, eyes, skin);
        double hot = Regions.shareInRange(a.grey(), skin, Regions.CLIPPED, 255);
        for (Mat m : new Mat[] {skin, eyes, leftEye}) {
            m.release();
        }
        return Results.atMost(rule(), "EVEN_LIGHTING", "FACE_HOT_SPOT", hot, settings.maxHotSpotShare(),
                "share of the face clipped to white", FLASH);
    }

    private static double sideLightness(PhotoAnalysis a, FaceGeometry face, int[] landmarks) {
        double sum = 0;
        for (int i : landmarks) {
            Mat disc = Regions.disc(a.grey().size(), face.landmarks().xy(i), PATCH_RADIUS * face.faceWidth());
            sum += Regions.meanUnder(a.lab(), disc)[0];
            disc.release();
        }
        return sum / landmarks.length * 100 / 255;
    }
}
