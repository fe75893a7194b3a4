package org.elicence.photoaudit.audit.render;

import java.util.List;
import java.util.Optional;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;
import org.elicence.photoaudit.audit.analysis.HeadGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.detect.DetectedFace;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Annotated copy for applicants and reviewers: face box, eyes, head outline, licence frame, and each
 * failed region outlined in red with its rule and code (ASCII only: OpenCV fonts have no CJK glyphs).
 */
public final class AnnotationRenderer {

    private static final Scalar GREEN = new Scalar(60, 180, 60);
    private static final Scalar BLUE = new Scalar(200, 120, 0);
    private static final Scalar YELLOW = new Scalar(0, 200, 230);
    private static final Scalar RED = new Scalar(30, 30, 230);

    private final AuditConfig.Portrait config;

    public AnnotationRenderer(AuditConfig.Portrait config) {
        this.config = config;
    }

    public byte[] render(PhotoAnalysis a, List<CheckResult> results) {
        // drawn on the working copy, never enlarged (enlarging adds no detail, only encoding time)
        double f = Math.min(1.0 * config.annotatedLongSide() / Math.max(a.work().cols(), a.work().rows()), 1.0);
        Mat canvas = new Mat();
        if (f < 1.0) {
            Imgproc.resize(a.work(), canvas, new Size(Math.round(a.work().cols() * f), Math.round(a.work().rows() * f)), 0, 0,
                    Imgproc.INTER_AREA);
        } else {
            a.work().copyTo(canvas);
        }
        for (DetectedFace face : a.faces()) {
            Imgproc.rectangle(canvas, scale(face.box(), f), GREEN, 2);
            face.leftEye().ifPresent(p -> Imgproc.circle(canvas, new Point(p.x * f, p.y * f), 4, GREEN, 2));
            face.rightEye().ifPresent(p -> Imgproc.circle(canvas, new Point(p.x * f, p.y * f), 4, GREEN, 2));
        }
        if (a.head() != null) {
            HeadGeometry h = a.head();
            Imgproc.rectangle(canvas, scale(new Rect(h.left(), h.top(), h.width(), h.length()), f), BLUE, 1);
            Imgproc.rectangle(canvas, scale(LicenceCrop.inWorkingImage(h, config), f), YELLOW, 1);
        }
        int line = 0;
        for (CheckResult r : results) {
            if (r.verdict() != CheckVerdict.FAIL) {
                continue;
            }
            String label = r.rule() + " " + r.code();
            Optional<Rect> region = regionOf(r.rule(), a);
            region.ifPresent(rect -> {
                Rect s = scale(rect, f);
                Imgproc.rectangle(canvas, s, RED, 2);
                Imgproc.putText(canvas, label, new Point(s.x + 3, Math.max(12, s.y + 14)), Imgproc.FONT_HERSHEY_SIMPLEX, 0.45, RED, 1);
            });
            Imgproc.putText(canvas, label, new Point(8, 20 + 18 * line++), Imgproc.FONT_HERSHEY_SIMPLEX, 0.5, RED, 1);
        }
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", canvas, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 85));
        canvas.release();
        return jpeg.toArray();
    }

    /** The part of the photo a failed rule is about, when it has one. */
    private static Optional<Rect> regionOf(String rule, PhotoAnalysis a) {
        if (a.face().isEmpty()) {
            return Optional.empty();
        }
        Rect face = a.face().get().box();
        HeadGeometry h = a.head();
        Rect whole = new Rect(0, 0, a.work().cols(), a.work().rows());
        Rect region = switch (rule) {
            case "R1", "C4", "C5", "C6", "C7", "R7", "R4", "C8" -> face;
            case "R2" -> new Rect(0, 0, whole.width, Math.max(2, face.y + face.height / 2));
            case "R3", "R8" -> new Rect(h.left() - face.width / 2, h.chin(), h.width() + face.width, whole.height - h.chin());
            case "R5" -> new Rect(h.left(), h.top(), h.width(), Math.max(2, face.y - h.top() + face.height / 4));
            case "R6", "R10" -> Regions.ofFace(face, 0.1, 0.1, 0.9, 0.55);
            case "R9", "C9" -> Regions.ofFace(face, 0.2, 0.6, 0.8, 1.05);
            case "C2", "C3", "R12" -> new Rect(h.left(), h.top(), h.width(), h.length());
            default -> null;
        };
        return Optional.ofNullable(region).map(r -> Regions.clip(r, a.work()));
    }

    private static Rect scale(Rect r, double f) {
        return new Rect((int) Math.round(r.x * f), (int) Math.round(r.y * f), (int) Math.round(r.width * f),
                (int) Math.round(r.height * f));
    }

    /** Placeholder for uploads that could not be decoded: a grey tile with the reason code. */
    public static byte[] placeholder(String code) {
        Mat canvas = new Mat(240, 320, org.opencv.core.CvType.CV_8UC3, new Scalar(200, 200, 200));
        Imgproc.putText(canvas, code, new Point(10, 125), Imgproc.FONT_HERSHEY_SIMPLEX, 0.6, RED, 2);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", canvas, jpeg);
        canvas.release();
        return jpeg.toArray();
    }
}
