package org.elicence.photoaudit.audit.render;

import java.util.List;
import java.util.Optional;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.perception.FaceDetection;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect2d;
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
 * Annotated copy for applicants and reviewers: detected faces, the landmark outlines (face, eyes, brows, lips), the crown, the licence frame, and each
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
        try {
            for (FaceDetection face : a.faces()) {
                Rect2d b = face.box();
                Imgproc.rectangle(canvas, new Point(b.x * f, b.y * f), new Point((b.x + b.width) * f, (b.y + b.height) * f),
                        GREEN, 1);
            }
            a.face().ifPresent(face -> {
                for (int[] contour : new int[][] {FaceLandmarks.FACE_OVAL, FaceLandmarks.RIGHT_EYE, FaceLandmarks.LEFT_EYE,
                        FaceLandmarks.LIPS_OUTER, FaceLandmarks.RIGHT_BROW, FaceLandmarks.LEFT_BROW}) {
                    Point[] polygon = face.landmarks().polygon(contour);
                    for (Point p : polygon) {
                        p.x *= f;
                        p.y *= f;
                    }
                    MatOfPoint outline = new MatOfPoint(polygon);
                    Imgproc.polylines(canvas, List.of(outline), contour != FaceLandmarks.RIGHT_BROW
                            && contour != FaceLandmarks.LEFT_BROW, GREEN, 1);
                    outline.release();
                }
                Point crown = face.head().crown();
                Imgproc.drawMarker(canvas, new Point(crown.x * f, crown.y * f), BLUE, Imgproc.MARKER_TRIANGLE_DOWN, 10, 2);
                Rect2d crop = LicenceCrop.inWorkingImage(face, config, a.work().cols(), a.work().rows());
                Imgproc.rectangle(canvas, new Point(crop.x * f, crop.y * f),
                        new Point((crop.x + crop.width) * f, (crop.y + crop.height) * f), YELLOW, 1);
            });
            int line = 0;
            for (CheckResult r : results) {
                if (r.verdict() != CheckVerdict.FAIL) {
                    continue;
                }
                String label = r.rule() + " " + r.code();
                Optional<Rect> region = regionOf(r.rule(), a);
                region.ifPresent(rect -> {
                    Rect s = LicenceCrop.scaled(rect, f);
                    Imgproc.rectangle(canvas, s, RED, 2);
                    Imgproc.putText(canvas, label, new Point(s.x + 3, Math.max(12, s.y + 14)), Imgproc.FONT_HERSHEY_SIMPLEX, 0.45, RED, 1);
                });
                Imgproc.putText(canvas, label, new Point(8, 20 + 18 * line++), Imgproc.FONT_HERSHEY_SIMPLEX, 0.5, RED, 1);
            }
            MatOfByte jpeg = new MatOfByte();
            MatOfInt quality = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 85);
            Imgcodecs.imencode(".jpg", canvas, jpeg, quality);
            quality.release();
            byte[] bytes = jpeg.toArray();
            jpeg.release();
            return bytes;
        } finally {
            canvas.release();
        }
    }

    /** The part of the photo a failed rule is about, when it has one. */
    private static Optional<Rect> regionOf(String rule, PhotoAnalysis a) {
        if (a.face().isEmpty()) {
            return Optional.empty();
        }
        FaceGeometry g = a.face().get();
        Rect face = g.faceBox();
        Point crown = g.head().crown();
        int headTop = (int) Math.round(Math.min(crown.y, face.y));
        Rect head = new Rect((int) g.head().leftEdge(), headTop, (int) Math.max(2, g.head().width()),
                Math.max(2, face.y + face.height - headTop));
        int chin = face.y + face.height;
        Rect region = switch (rule) {
            case "R1", "C4", "C5", "C6", "C7", "R7", "R4", "C8" -> face;
            case "R2" -> new Rect(0, 0, a.work().cols(), Math.max(2, chin));
            case "R3", "R8" -> new Rect(head.x - face.width / 2, chin, head.width + face.width, a.work().rows() - chin);
            case "R5" -> new Rect(head.x, headTop, head.width, Math.max(2, face.y - headTop + face.height / 4));
            case "R6", "R10", "R11" -> new Rect(head.x, face.y, head.width, face.height * 2 / 3);
            case "R9", "C9" -> new Rect(face.x, face.y + face.height / 2, face.width, face.height / 2);
            case "C2", "C3", "R12" -> head;
            default -> null;
        };
        return Optional.ofNullable(region).map(r -> Regions.clip(r, a.work()));
    }

    /** Placeholder for uploads that could not be decoded: a grey tile with the reason code. */
    public static byte[] placeholder(String code) {
        Mat canvas = new Mat(240, 320, org.opencv.core.CvType.CV_8UC3, new Scalar(200, 200, 200));
        Imgproc.putText(canvas, code, new Point(10, 125), Imgproc.FONT_HERSHEY_SIMPLEX, 0.6, RED, 2);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", canvas, jpeg);
        canvas.release();
        byte[] bytes = jpeg.toArray();
        jpeg.release();
        return bytes;
    }
}
