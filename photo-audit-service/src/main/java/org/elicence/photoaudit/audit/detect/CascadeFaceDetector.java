package org.elicence.photoaudit.audit.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.elicence.photoaudit.audit.AuditConfig;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Viola-Jones frontal face detector (haarcascade_frontalface_default) run on a copy downscaled to
 * detection-long-side pixels for speed; eyes are then searched at working resolution by {@link EyeLocator}.
 */
public final class HaarFaceDetector implements FaceDetector {

    private final AuditConfig.Detection config;
    private final ThreadLocal<CascadeClassifier> faceCascade;
    private final ThreadLocal<CascadeClassifier> confirmCascade;
    private final EyeLocator eyeLocator;

    public HaarFaceDetector(AuditConfig.Detection config, CascadeFiles files) {
        this.config = config;
        files.load(CascadeFiles.FRONTAL_FACE).empty(); // fail fast at construction, not on the first request
        this.faceCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.FRONTAL_FACE));
        this.confirmCascade = ThreadLocal.withInitial(() -> files.load(CascadeFiles.FRONTAL_FACE_ALT2));
        this.eyeLocator = new EyeLocator(files);
    }

    @Override
    public List<DetectedFace> detect(Mat bgr) {
        double scale = Math.min(1.0, config.detectionLongSide() / (double) Math.max(bgr.cols(), bgr.rows()));
        Mat grey = new Mat();
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        if (scale < 1.0) {
            Imgproc.resize(grey, grey, new Size(Math.round(bgr.cols() * scale), Math.round(bgr.rows() * scale)), 0, 0,
                    Imgproc.INTER_AREA);
        }
        Imgproc.equalizeHist(grey, grey);
        int minSide = (int) Math.max(20, Math.min(grey.cols(), grey.rows()) * config.minFaceFraction());
        MatOfRect found = new MatOfRect();
        faceCascade.get().detectMultiScale(grey, found, config.scaleFactor(), config.minNeighbors(), 0,
                new Size(minSide, minSide), new Size());
        List<DetectedFace> faces = new ArrayList<>();
        for (Rect r : found.toArray()) {
            Rect box = new Rect((int) Math.round(r.x / scale), (int) Math.round(r.y / scale),
                    (int) Math.round(r.width / scale), (int) Math.round(r.height / scale));
            DetectedFace face = eyeLocator.locate(bgr, box);
            if (face.leftEye().isPresent() || face.rightEye().isPresent() || confirmed(grey, r)) {
                faces.add(face);
            }
        }
        grey.release();
        faces.sort(Comparator.comparingInt((DetectedFace f) -> f.box().width).reversed());
        return faces;
    }

    /**
     * A detection without any eye is kept only if a second, independently trained cascade (alt2) also
     * finds a face there: the default cascade alone fires on textured clutter (patches, models, posters).
     */
    private boolean confirmed(Mat grey, Rect r) {
        int pad = r.width / 4;
        Rect area = org.elicence.photoaudit.audit.analysis.Regions.clip(new Rect(r.x - pad, r.y - pad, r.width + 2 * pad,
                r.height + 2 * pad), grey);
        MatOfRect again = new MatOfRect();
        int min = (int) (r.width * 0.7);
        confirmCascade.get().detectMultiScale(grey.submat(area), again, 1.1, 3, 0, new Size(min, min), new Size());
        return again.toArray().length > 0;
    }
}
