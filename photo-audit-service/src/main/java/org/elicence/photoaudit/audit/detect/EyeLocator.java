package org.elicence.photoaudit.audit.detect;

import java.util.Optional;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Finds the two eye centres inside a face box with the eyeglasses-tolerant cascade, falling back to the
 * plain eye cascade. Each side of the face is searched separately so a nostril or eyebrow on one side
 * cannot be taken for the other eye.
 * <p>
 * The eye band is searched in a copy scaled so that the face is eye-search-face-width pixels wide (eyes are
 * then about 20-25 px, just above the 20-px cascade window; the cost of a cascade grows with the square of
 * the band width). A side whose eye was not found there is searched again at working resolution.
 */
final class EyeLocator {

    /** Eye band inside a frontal Haar face box, as fractions of its height. */
    private static final double BAND_TOP = 0.15;
    private static final double BAND_BOTTOM = 0.60;
    private static final double EXPECTED_EYE_HEIGHT = 0.40;
    private static final int ATTEMPTS = 4;

    /** An eye candidate's centre in band coordinates at working resolution. */
    private record Candidate(double x, double y) {
    }

    private final ThreadLocal<CascadeClassifier> glassesCascade;
    private final ThreadLocal<CascadeClassifier> eyeCascade;
    private final ThreadLocal<CascadeClassifier> splitsCascade;
    private final int searchFaceWidth;
    private final double scaleFactor;
    private final double minSize;
    private final double maxSize;
    private final double pairPatchWidth;
    private final double pairSearchMargin;
    private final double pairMinCorrelation;

    EyeLocator(CascadeFiles files, AuditConfig.Detection config) {
        files.load(CascadeFiles.EYE_GLASSES).empty();
        this.glassesCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.EYE_GLASSES));
        this.eyeCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.EYE));
        this.splitsCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.EYE_SPLITS));
        this.searchFaceWidth = config.eyeSearchFaceWidth();
        this.scaleFactor = config.eyeScaleFactor();
        this.minSize = config.eyeMinSize();
        this.maxSize = config.eyeMaxSize();
        this.pairPatchWidth = config.eyePairPatchWidth();
        this.pairSearchMargin = config.eyePairSearchMargin();
        this.pairMinCorrelation = config.eyePairMinCorrelation();
    }

    /** @param grey working image (grey) */
    DetectedFace locate(Mat grey, Rect face) {
        Rect band = Regions.clip(new Rect(face.x, face.y + (int) (face.height * BAND_TOP), face.width,
                (int) (face.height * (BAND_BOTTOM - BAND_TOP))), grey);
        if (band.width < 24 || band.height < 12) {
            return new DetectedFace(face, Optional.empty(), Optional.empty());
        }
        Mat full = grey.submat(band);
        Optional<Point> left;
        Optional<Point> right;
        double f = searchFaceWidth / (double) face.width;
        if (f < 1.0) {
            Mat scaled = new Mat();
            Imgproc.resize(full, scaled, new Size(Math.max(1, Math.round(band.width * f)),
                    Math.max(1, Math.round(band.height * f))), 0, 0, Imgproc.INTER_AREA);
            Candidate[] coarse = search(scaled, band, face, f, true, true);
            scaled.release();
            left = point(coarse[0], band);
            right = point(coarse[1], band);
            if (left.isEmpty() || right.isEmpty()) {
                Candidate[] again = search(full, band, face, 1.0, left.isEmpty(), right.isEmpty());
                left = left.or(() -> point(again[0], band));
                right = right.or(() -> point(again[1], band));
            }
        } else {
            Candidate[] found = search(full, band, face, 1.0, true, true);
            left = point(found[0], band);
            right = point(found[1], band);
        }
        if (left.isPresent() && right.isPresent()) {
            right = Optional.of(mirrorMatch(grey, face, left.get(), right.get()));
        }
        return new DetectedFace(face, left, right);
    }

    /**
     * Cascade boxes include more or less eyebrow and frame from one scale to the next, so the two box centres
     * can differ in height by several pixels on a level head (8-10 degrees of roll behind thick glasses). A
     * face is mirror-symmetric: the left eye patch, mirrored, is searched for around the right eye, and where
     * it matches well (normalised correlation >= eye-pair-min-correlation) that position replaces the right
     * eye, so both points are the same feature of each eye and their height difference is the roll.
     */
    private Point mirrorMatch(Mat grey, Rect face, Point left, Point right) {
        int w = (int) Math.round(face.width * pairPatchWidth);
        int h = Math.max(4, w / 2);
        int margin = (int) Math.round(face.width * pairSearchMargin);
        Rect patch = new Rect((int) Math.round(left.x) - w / 2, (int) Math.round(left.y) - h / 2, w, h);
        Rect search = new Rect((int) Math.round(right.x) - w / 2 - margin, (int) Math.round(right.y) - h / 2 - margin,
                w + 2 * margin, h + 2 * margin);
        if (w < 8 || !Regions.clip(patch, grey).equals(patch) || !Regions.clip(search, grey).equals(search)) {
            return right;
        }
        Mat template = new Mat();
        Core.flip(grey.submat(patch), template, 1);
        Mat scores = new Mat();
        Imgproc.matchTemplate(grey.submat(search), template, scores, Imgproc.TM_CCOEFF_NORMED);
        Core.MinMaxLocResult best = Core.minMaxLoc(scores);
        template.release();
        scores.release();
        if (best.maxVal < pairMinCorrelation) {
            return right;
        }
        // the left eye sits at (left.x - patch.x, left.y - patch.y) in the patch; mirrored, x counts from the right
        double x = search.x + best.maxLoc.x + (patch.width - 1 - (left.x - patch.x));
        double y = search.y + best.maxLoc.y + (left.y - patch.y);
        return new Point(x, y);
    }

    private static Optional<Point> point(Candidate c, Rect band) {
        return Optional.ofNullable(c).map(e -> new Point(band.x + e.x(), band.y + e.y()));
    }

    /**
     * The attempts in order until both wanted eyes are found: raw grey first (equalising the band makes
     * glasses frames dominate and hides the eyes behind them), the two-splits cascade last (it tolerates
     * heavy frames that hide the eye corners). Returns {left, right}, null where not found or not wanted.
     */
    private Candidate[] search(Mat image, Rect band, Rect face, double f, boolean wantLeft, boolean wantRight) {
        double expectedY = face.height * (EXPECTED_EYE_HEIGHT - BAND_TOP);
        int scaledFaceWidth = (int) Math.round(face.width * f);
        Candidate left = null;
        Candidate right = null;
        Mat equalised = null;
        for (int attempt = 0; attempt < ATTEMPTS && ((wantLeft && left == null) || (wantRight && right == null)); attempt++) {
            Mat input = image;
            if (attempt == 2) {
                equalised = new Mat();
                Imgproc.equalizeHist(image, equalised);
                input = equalised;
            }
            Candidate[] candidates = find(cascade(attempt), input, scaledFaceWidth, f);
            if (wantLeft && left == null) {
                left = best(candidates, band, face, face.width * 0.25, expectedY, true);
            }
            if (wantRight && right == null) {
                right = best(candidates, band, face, face.width * 0.75, expectedY, false);
            }
        }
        if (equalised != null) {
            equalised.release();
        }
        return new Candidate[] {left, right};
    }

    private CascadeClassifier cascade(int attempt) {
        return switch (attempt) {
            case 0, 2 -> glassesCascade.get();
            case 1 -> eyeCascade.get();
            default -> splitsCascade.get();
        };
    }

    /** Candidates in band coordinates at working resolution (the search image is scaled by {@code f}). */
    private Candidate[] find(CascadeClassifier cascade, Mat grey, int faceWidth, double f) {
        MatOfRect found = new MatOfRect();
        int min = Math.max(8, (int) (faceWidth * minSize));
        cascade.detectMultiScale(grey, found, scaleFactor, 3, 0, new Size(min, min), new Size(faceWidth * maxSize, faceWidth * maxSize));
        Rect[] rects = found.toArray();
        found.release();
        Candidate[] candidates = new Candidate[rects.length];
        for (int i = 0; i < rects.length; i++) {
            Rect r = rects[i];
            candidates[i] = new Candidate((r.x + r.width / 2.0) / f, (r.y + r.height / 2.0) / f);
        }
        return candidates;
    }

    /** Candidate of one image half closest to where a frontal face has that eye. */
    private static Candidate best(Candidate[] candidates, Rect band, Rect face, double expectedX, double expectedY,
            boolean leftHalf) {
        Candidate best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Candidate c : candidates) {
            double faceX = c.x() + band.x - face.x;
            if ((faceX < face.width / 2.0) != leftHalf) {
                continue;
            }
            double distance = Math.hypot(faceX - expectedX, c.y() - expectedY);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
