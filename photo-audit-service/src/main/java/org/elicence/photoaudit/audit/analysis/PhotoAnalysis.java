package org.elicence.photoaudit.audit.analysis;

import java.util.List;
import java.util.Optional;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.decode.DecodedImage;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.audit.detect.DetectedFace;
import org.elicence.photoaudit.audit.detect.FaceDetector;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Everything the checks share, computed once per photo on the downscaled working copy: grey and Lab
 * planes, faces, background model, head outline and skin model. Not thread-safe; one per audit.
 */
public final class PhotoAnalysis implements AutoCloseable {

    private final DecodedImage original;
    private final Mat work;
    private final double scale;
    private final Mat grey = new Mat();
    private final Mat lab = new Mat();
    private final List<DetectedFace> faces;
    private final BackgroundModel background;
    private final HeadGeometry head;
    private final SkinModel skin;
    private final AuditConfig config;

    public PhotoAnalysis(DecodedImage original, FaceDetector detector, AuditConfig config) {
        this.original = original;
        this.config = config;
        this.work = ImageDecoder.downscale(original.bgr(), config.decode().workingLongSide());
        this.scale = work.cols() / (double) original.bgr().cols();
        Imgproc.cvtColor(work, grey, Imgproc.COLOR_BGR2GRAY);
        Imgproc.cvtColor(work, lab, Imgproc.COLOR_BGR2Lab);
        this.faces = detector.detect(work, grey);
        this.background = BackgroundModel.estimate(lab, config.background().personColourDistance());
        if (faces.size() == 1) {
            DetectedFace only = faces.get(0);
            this.head = HeadGeometry.of(only.box(), background);
            this.skin = SkinModel.sample(lab, only.box(), config.face().skinChromaDistance());
        } else {
            this.head = null;
            this.skin = null;
        }
    }

    public AuditConfig config() {
        return config;
    }

    public DecodedImage original() {
        return original;
    }

    /** Working copy (BGR), long side at most photo-audit.decode.working-long-side. */
    public Mat work() {
        return work;
    }

    /** Working pixels per original pixel (<= 1). */
    public double scale() {
        return scale;
    }

    public Mat grey() {
        return grey;
    }

    public Mat lab() {
        return lab;
    }

    public List<DetectedFace> faces() {
        return faces;
    }

    /** The face, present only when exactly one was found. */
    public Optional<DetectedFace> face() {
        return faces.size() == 1 ? Optional.of(faces.get(0)) : Optional.empty();
    }

    /** Convenience for checks that declared they require a face (the pipeline guarantees it). */
    public DetectedFace requireFace() {
        return face().orElseThrow(() -> new IllegalStateException("check requires exactly one face"));
    }

    public BackgroundModel background() {
        return background;
    }

    public HeadGeometry head() {
        return head;
    }

    public SkinModel skin() {
        return skin;
    }

    @Override
    public void close() {
        work.release();
        grey.release();
        lab.release();
        background.personMask().release();
        if (skin != null) {
            skin.skinMask().release();
        }
    }
}
