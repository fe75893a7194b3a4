package org.elicence.photoaudit.audit.detect;

import java.util.Optional;
import org.elicence.photoaudit.audit.analysis.Regions;
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
 */
final class EyeLocator {

    /** Eye band inside a frontal Haar face box, as fractions of its height. */
    private static final double BAND_TOP = 0.15;
    private static final double BAND_BOTTOM = 0.60;
    private static final double EXPECTED_EYE_HEIGHT = 0.40;

    private final ThreadLocal<CascadeClassifier> glassesCascade;
    private final ThreadLocal<CascadeClassifier> eyeCascade;
    private final ThreadLocal<CascadeClassifier> splitsCascade;

    EyeLocator(CascadeFiles files) {
        files.load(CascadeFiles.EYE_GLASSES).empty();
        this.glassesCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.EYE_GLASSES));
        this.eyeCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.EYE));
        this.splitsCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.EYE_SPLITS));
    }

    DetectedFace locate(Mat bgr, Rect face) {
        Rect band = Regions.clip(new Rect(face.x, face.y + (int) (face.height * BAND_TOP), face.width,
                (int) (face.height * (BAND_BOTTOM - BAND_TOP))), bgr);
        if (band.width < 24 || band.height < 12) {
            return new DetectedFace(face, Optional.empty(), Optional.empty());
        }
        Mat grey = new Mat();
        Imgproc.cvtColor(bgr.submat(band), grey, Imgproc.COLOR_BGR2GRAY);
        Mat equalised = new Mat();
        Imgproc.equalizeHist(grey, equalised);
        // raw grey first: equalising the band makes glasses frames dominate and hides the eyes behind them;
        // the two-splits cascade last, it tolerates heavy frames that hide the eye corners
        Object[][] attempts = {{glassesCascade, grey}, {eyeCascade, grey}, {glassesCascade, equalised}, {splitsCascade, grey}};
        double expectedY = face.height * (EXPECTED_EYE_HEIGHT - BAND_TOP);
        Optional<Point> left = Optional.empty();
        Optional<Point> right = Optional.empty();
        for (Object[] attempt : attempts) {
            @SuppressWarnings("unchecked")
            Rect[] candidates = find(((ThreadLocal<CascadeClassifier>) attempt[0]).get(), (Mat) attempt[1], face.width);
            left = left.or(() -> best(candidates, band, face, face.width * 0.25, expectedY, true));
            right = right.or(() -> best(candidates, band, face, face.width * 0.75, expectedY, false));
            if (left.isPresent() && right.isPresent()) {
                break;
            }
        }
        grey.release();
        equalised.release();
        return new DetectedFace(face, left, right);
    }

    private static Rect[] find(CascadeClassifier cascade, Mat grey, int faceWidth) {
        MatOfRect found = new MatOfRect();
        int min = Math.max(8, (int) (faceWidth * 0.12));
        cascade.detectMultiScale(grey, found, 1.05, 3, 0, new Size(min, min), new Size(faceWidth * 0.45, faceWidth * 0.45));
        return found.toArray();
    }

    /** Candidate of one image half closest to where a frontal face has that eye. */
    private static Optional<Point> best(Rect[] candidates, Rect band, Rect face, double expectedX, double expectedY,
            boolean leftHalf) {
        Point bestPoint = null;
        double bestDistance = Double.MAX_VALUE;
        for (Rect c : candidates) {
            double cx = c.x + c.width / 2.0;
            double cy = c.y + c.height / 2.0;
            double faceX = cx + band.x - face.x;
            if ((faceX < face.width / 2.0) != leftHalf) {
                continue;
            }
            double distance = Math.hypot(faceX - expectedX, cy - expectedY);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestPoint = new Point(band.x + cx, band.y + cy);
            }
        }
        return Optional.ofNullable(bestPoint);
    }
}
