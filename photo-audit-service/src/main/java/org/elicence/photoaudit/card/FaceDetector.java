package org.elicence.photoaudit.card;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/** Frontal faces on a rectified card (OpenCV cascade classifier; no DNN model is available here). */
public final class FaceDetector {

    private static final double SCALE_STEP = 1.1;
    private static final int MIN_NEIGHBOURS = 6;
    /** A face smaller than this fraction of the card's height is print noise, not a portrait. */
    private static final double MIN_SEARCH_FRACTION = 0.12;

    private final CascadeClassifier cascade;

    public FaceDetector(Path cascadeFile) {
        if (!Files.isRegularFile(cascadeFile)) {
            throw new IllegalStateException("face cascade " + cascadeFile
                    + " not found: install Debian's opencv-data or set card-reading.checks.cascade-directory");
        }
        OpenCvRuntime.ensureLoaded();
        this.cascade = new CascadeClassifier(cascadeFile.toString());
        if (cascade.empty()) {
            throw new IllegalStateException("face cascade " + cascadeFile + " could not be loaded");
        }
    }

    /** Faces, largest first. Synchronised: a CascadeClassifier is not safe for concurrent use. */
    public synchronized List<Rect> faces(Mat card) {
        try (NativeMats mats = new NativeMats()) {
            Mat grey = mats.add(ImageMeasures.grey(card));
            Imgproc.equalizeHist(grey, grey);
            int minSide = (int) (card.rows() * MIN_SEARCH_FRACTION);
            MatOfRect found = mats.add(new MatOfRect());
            cascade.detectMultiScale(grey, found, SCALE_STEP, MIN_NEIGHBOURS, 0, new Size(minSide, minSide),
                    new Size(card.rows(), card.rows()));
            return found.toList().stream()
                    .sorted((a, b) -> Double.compare(b.area(), a.area()))
                    .toList();
        }
    }
}
