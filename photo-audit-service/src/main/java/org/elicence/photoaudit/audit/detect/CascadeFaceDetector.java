package org.elicence.photoaudit.audit.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Cascade face detector on a grey copy downscaled to detection-long-side pixels.
 * <ol>
 * <li>LBP scan ({@code lbpcascade_frontalface_improved}) with a coarse pyramid step, then a fine second pass
 * around each face found; LBP boxes are converted to the proportions of a frontal Haar box, in which all
 * face fractions of the checks are expressed.</li>
 * <li>Only when LBP finds no face (or primary-cascade=haar): the Haar scan ({@code frontalface_default}).</li>
 * <li>Eyes are then searched by {@link EyeLocator}; a face with no eye found must be confirmed by a second,
 * independently trained cascade ({@code frontalface_alt2}): single cascades fire on textured clutter.</li>
 * </ol>
 */
public final class CascadeFaceDetector implements FaceDetector {

    /** Training window of lbpcascade_frontalface_improved: it cannot see smaller faces. */
    static final int LBP_WINDOW = 45;
    /** The fine pass looks for the same face at sizes within these factors of the coarse box. */
    private static final double REFINE_MIN = 0.8;
    private static final double REFINE_MAX = 1.25;

    private final AuditConfig.Detection config;
    private final boolean lbpFirst;
    private final ThreadLocal<CascadeClassifier> lbpCascade;
    private final ThreadLocal<CascadeClassifier> haarCascade;
    private final ThreadLocal<CascadeClassifier> confirmCascade;
    private final EyeLocator eyeLocator;

    public CascadeFaceDetector(AuditConfig.Detection config, CascadeFiles files) {
        this.config = config;
        this.lbpFirst = switch (config.primaryCascade()) {
            case "lbp" -> true;
            case "haar" -> false;
            default -> throw new IllegalStateException("photo-audit.detection.primary-cascade must be lbp or haar, not "
                    + config.primaryCascade());
        };
        // load once here so that an unreadable cascade fails the construction, not the first request
        files.load(CascadeFiles.FRONTAL_FACE).empty();
        files.load(CascadeFiles.FRONTAL_FACE_LBP).empty();
        this.lbpCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.FRONTAL_FACE_LBP));
        this.haarCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.FRONTAL_FACE));
        this.confirmCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.FRONTAL_FACE_ALT2));
        this.eyeLocator = new EyeLocator(files, config);
    }

    @Override
    public List<DetectedFace> detect(Mat bgr, Mat grey) {
        double scale = Math.min(1.0, config.detectionLongSide() / (double) Math.max(grey.cols(), grey.rows()));
        Mat small = new Mat();
        if (scale < 1.0) {
            Imgproc.resize(grey, small, new Size(Math.round(grey.cols() * scale), Math.round(grey.rows() * scale)), 0, 0,
                    Imgproc.INTER_AREA);
        } else {
            grey.copyTo(small);
        }
        Imgproc.equalizeHist(small, small);
        int minSide = (int) Math.max(20, Math.min(small.cols(), small.rows()) * config.minFaceFraction());
        // boxes in the coordinates of `small`, in frontal Haar box proportions
        List<DetectedFace> faces = lbpFirst ? accepted(lbpFaces(small, minSide), small, grey, scale) : new ArrayList<>();
        if (faces.isEmpty()) {
            faces = accepted(haarFaces(small, minSide), small, grey, scale);
        }
        small.release();
        faces.sort(Comparator.comparingInt((DetectedFace f) -> f.box().width).reversed());
        return faces;
    }

    /** Faces with at least one eye found, or confirmed by the alt2 cascade; boxes scaled to the working image. */
    private List<DetectedFace> accepted(List<Rect> boxes, Mat small, Mat grey, double scale) {
        List<DetectedFace> faces = new ArrayList<>();
        for (Rect r : boxes) {
            Rect box = new Rect((int) Math.round(r.x / scale), (int) Math.round(r.y / scale),
                    (int) Math.round(r.width / scale), (int) Math.round(r.height / scale));
            DetectedFace face = eyeLocator.locate(grey, box);
            if (face.leftEye().isPresent() || face.rightEye().isPresent() || confirmed(small, r)) {
                faces.add(face);
            }
        }
        return faces;
    }

    private List<Rect> haarFaces(Mat small, int minSide) {
        MatOfRect found = new MatOfRect();
        haarCascade.get().detectMultiScale(small, found, config.scaleFactor(), config.minNeighbors(), 0,
                new Size(minSide, minSide), new Size());
        List<Rect> boxes = List.of(found.toArray());
        found.release();
        return boxes;
    }

    /**
     * LBP scan in two size bands, fine pass around each hit, duplicates dropped, converted to Haar proportions.
     * Faces of applicant size (from lbp-small-face-fraction of the short side up) are scanned with the fine
     * lbp-scale-factor; smaller ones (second people, posters: C1) with the coarser lbp-small-face-scale-factor,
     * where two thirds of a full fine scan's time would go; the fine pass then gives every face its box.
     */
    private List<Rect> lbpFaces(Mat small, int minSide) {
        CascadeClassifier lbp = lbpCascade.get();
        int split = (int) Math.round(Math.min(small.cols(), small.rows()) * config.lbpSmallFaceFraction());
        // the fine band starts two pyramid steps below the split so that faces just above it keep the
        // neighbour votes of the slightly smaller scales (their boxes are then as without the split)
        int fineMin = Math.max(minSide, (int) Math.floor(split / (config.lbpScaleFactor() * config.lbpScaleFactor())));
        List<Rect> coarse = new ArrayList<>();
        MatOfRect found = new MatOfRect();
        lbp.detectMultiScale(small, found, config.lbpScaleFactor(), config.lbpMinNeighbors(), 0,
                new Size(fineMin, fineMin), new Size());
        coarse.addAll(List.of(found.toArray()));
        if (fineMin > Math.max(minSide, LBP_WINDOW)) {
            lbp.detectMultiScale(small, found, config.lbpSmallFaceScaleFactor(), config.lbpSmallFaceMinNeighbors(), 0,
                    new Size(minSide, minSide), new Size(fineMin, fineMin));
            coarse.addAll(List.of(found.toArray()));
        }
        found.release();
        List<Rect> refined = new ArrayList<>();
        for (Rect c : coarse) {
            Rect fine = refine(lbp, small, c);
            boolean duplicate = refined.stream().anyMatch(other -> contains(other, centre(fine)) || contains(fine, centre(other)));
            if (!duplicate) {
                refined.add(fine);
            }
        }
        List<Rect> boxes = new ArrayList<>(refined.size());
        for (Rect r : refined) {
            int size = (int) Math.round(r.width * config.lbpToHaarScale());
            int cx = r.x + r.width / 2;
            boxes.add(new Rect(cx - size / 2, (int) Math.round(r.y + r.width * config.lbpToHaarTopOffset()), size, size));
        }
        return boxes;
    }

    /** The same face searched again with a fine pyramid step at sizes close to the coarse box. */
    private Rect refine(CascadeClassifier lbp, Mat small, Rect coarse) {
        int pad = (int) Math.ceil(coarse.width * (REFINE_MAX - 1) + 2);
        Rect area = Regions.clip(new Rect(coarse.x - pad, coarse.y - pad, coarse.width + 2 * pad, coarse.height + 2 * pad), small);
        MatOfRect found = new MatOfRect();
        int min = Math.max(LBP_WINDOW, (int) Math.floor(coarse.width * REFINE_MIN));
        int max = (int) Math.ceil(coarse.width * REFINE_MAX);
        lbp.detectMultiScale(small.submat(area), found, config.refineScaleFactor(), config.lbpMinNeighbors(), 0,
                new Size(min, min), new Size(max, max));
        Rect best = coarse;
        double bestDistance = Double.MAX_VALUE;
        for (Rect r : found.toArray()) {
            Rect global = new Rect(r.x + area.x, r.y + area.y, r.width, r.height);
            double distance = Math.hypot(centre(global)[0] - centre(coarse)[0], centre(global)[1] - centre(coarse)[1]);
            if (contains(coarse, centre(global)) && distance < bestDistance) {
                bestDistance = distance;
                best = global;
            }
        }
        found.release();
        return best;
    }

    private static double[] centre(Rect r) {
        return new double[] {r.x + r.width / 2.0, r.y + r.height / 2.0};
    }

    private static boolean contains(Rect r, double[] p) {
        return p[0] >= r.x && p[0] < r.x + r.width && p[1] >= r.y && p[1] < r.y + r.height;
    }

    /**
     * A detection without any eye is kept only if a second, independently trained cascade (alt2) also
     * finds a face there: a single cascade fires on textured clutter (patches, models, posters).
     */
    private boolean confirmed(Mat small, Rect r) {
        int pad = r.width / 4;
        Rect area = Regions.clip(new Rect(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad), small);
        MatOfRect again = new MatOfRect();
        int min = (int) (r.width * 0.7);
        confirmCascade.get().detectMultiScale(small.submat(area), again, 1.1, 3, 0, new Size(min, min), new Size());
        boolean found = again.toArray().length > 0;
        again.release();
        return found;
    }
}
