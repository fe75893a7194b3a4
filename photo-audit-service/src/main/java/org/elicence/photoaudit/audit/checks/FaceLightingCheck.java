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
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * R1: uniform light on the face. Side imbalance: the lightness of the two cheeks and temples, placed by the
 * landmarks, compared; hot spots: the share of the face's skin (eyes excluded: glare on glasses is R10) clipped
 * to white. A hot spot is local: when C5 finds the photo washed out ({@code PhotoAnalysis#washedOut}: the pupils
 * no longer black, or several parts of the face white), the whole grey scale is lifted and every bright part of the
 * face clips, so a clipped share says nothing of a spot.
 */
public final class FaceLightingCheck extends BaseCheck {

    private static final Measure SIDE_LIGHTNESS_DIFFERENCE = new Measure("面部左右两侧的亮度差",
            "lightness difference between the face's sides");
    private static final Measure SHARE_FACE_CLIPPED_WHITE = new Measure("面部过曝成纯白的比例", "share of the face clipped to white");

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
    /**
     * A clipped spot with at least this share of it on a lens region is a reflection on glasses. Calibration: glare
     * on generated glasses 0.56-1.0 of each spot on the lenses, flash spots on the nose and forehead at most 0.03.
     */
    static final double LENS_SPOT_SHARE = 0.3;

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
                    SIDE_LIGHTNESS_DIFFERENCE, EVEN);
        }
        if (a.washedOut()) {
            return notAssessable(WASHED_OUT);
        }
        double hot = hotSpotShare(a, face);
        return Results.atMost(rule(), "EVEN_LIGHTING", "FACE_HOT_SPOT", hot, settings.maxHotSpotShare(),
                SHARE_FACE_CLIPPED_WHITE, FLASH);
    }

    /**
     * The share of the face's skin (the lens regions left out) clipped to white. A reflection on glasses lies mostly
     * on the lens but spills past the region R10 reads (its soft edge, up to 3 % of the face): a clipped spot with
     * at least {@link #LENS_SPOT_SHARE} of it on a lens region is the glasses' (R10's) and left out. Read only
     * when the spots would fail: most photos have none.
     */
    private double hotSpotShare(PhotoAnalysis a, FaceGeometry face) {
        Rect box = Regions.clip(face.faceBox(), a.grey());
        Mat grey = a.grey().submat(box);
        Mat oval = inBox(Regions.polygon(a.grey().size(), face.landmarks().polygon(FaceLandmarks.FACE_OVAL)), box);
        Mat lenses = inBox(lensRegions(a, face), box);
        Mat skin = new Mat();
        Core.subtract(oval, lenses, skin);
        Mat clipped = new Mat();
        Core.inRange(grey, new Scalar(Regions.CLIPPED), new Scalar(255), clipped);
        Core.bitwise_and(clipped, oval, clipped);
        double hot = Regions.shareUnder(clipped, skin);
        if (hot > settings.maxHotSpotShare()) {
            clearLensReflections(clipped, lenses);
            hot = Regions.shareUnder(clipped, skin);
        }
        for (Mat m : new Mat[] {grey, oval, lenses, skin, clipped}) {
            m.release();
        }
        return hot;
    }

    /** A copy of {@code box} of the whole-photo mask {@code full}, which is released. */
    private static Mat inBox(Mat full, Rect box) {
        Mat part = Regions.copy(full, box);
        full.release();
        return part;
    }

    private static Mat lensRegions(PhotoAnalysis a, FaceGeometry face) {
        Mat lenses = EyesCheck.lensRegion(a, face.landmarks(), FaceLandmarks.RIGHT_EYE);
        Mat left = EyesCheck.lensRegion(a, face.landmarks(), FaceLandmarks.LEFT_EYE);
        Core.bitwise_or(lenses, left, lenses);
        left.release();
        return lenses;
    }

    /** Clears from {@code clipped} every spot (8-connected) with at least LENS_SPOT_SHARE of it on {@code lenses}. */
    static void clearLensReflections(Mat clipped, Mat lenses) {
        Mat labels = new Mat();
        int spots = Imgproc.connectedComponents(clipped, labels, 8, CvType.CV_32S);
        int[] label = new int[(int) labels.total()];
        labels.get(0, 0, label);
        labels.release();
        byte[] onLens = new byte[(int) lenses.total()];
        lenses.get(0, 0, onLens);
        int[] size = new int[spots];
        int[] sizeOnLens = new int[spots];
        for (int i = 0; i < label.length; i++) {
            size[label[i]]++;
            if (onLens[i] != 0) {
                sizeOnLens[label[i]]++;
            }
        }
        byte[] pixels = new byte[label.length];
        clipped.get(0, 0, pixels);
        for (int i = 0; i < label.length; i++) {
            if (label[i] != 0 && sizeOnLens[label[i]] >= LENS_SPOT_SHARE * size[label[i]]) {
                pixels[i] = 0;
            }
        }
        clipped.put(0, 0, pixels);
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
