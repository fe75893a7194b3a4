package org.elicence.photoaudit.audit.analysis;

import org.elicence.photoaudit.audit.perception.FaceDetection;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.elicence.photoaudit.audit.perception.HeadPose;
import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * Everything the checks know about the one face, in working-image pixels: the detection, the 468 landmarks,
 * the head pose and the head outline read from the person mask. The face frame is the eye line ({@link #across})
 * and its perpendicular pointing to the chin ({@link #down}), so that measurements stay valid on a tilted head.
 */
public record FaceGeometry(FaceDetection detection, FaceLandmarks landmarks, HeadPose pose, HeadOutline head) {

    public Point rightEye() {
        return landmarks.centre(FaceLandmarks.RIGHT_EYE);
    }

    public Point leftEye() {
        return landmarks.centre(FaceLandmarks.LEFT_EYE);
    }

    /** Distance between the eye centres. */
    public double eyeDistance() {
        Point r = rightEye();
        Point l = leftEye();
        return Math.hypot(l.x - r.x, l.y - r.y);
    }

    /** Width of the face at the cheekbones (face-outline landmarks 234 and 454). */
    public double faceWidth() {
        return landmarks.distance(FaceLandmarks.RIGHT_FACE_EDGE, FaceLandmarks.LEFT_FACE_EDGE);
    }

    /** Top of the forehead (landmark 10) to the chin (152). */
    public double faceLength() {
        return landmarks.distance(FaceLandmarks.FOREHEAD_TOP, FaceLandmarks.CHIN);
    }

    /** Unit vector along the eye line, from the image-left eye to the image-right eye. */
    public Point across() {
        Point r = rightEye();
        Point l = leftEye();
        double d = Math.max(1e-6, eyeDistance());
        return new Point((l.x - r.x) / d, (l.y - r.y) / d);
    }

    /** Unit vector perpendicular to the eye line, towards the chin. */
    public Point down() {
        Point a = across();
        return new Point(-a.y, a.x);
    }

    /** Point at {@code (u, v)} face widths from the nose bridge, along {@link #across} and {@link #down}. */
    public Point at(double u, double v) {
        return offset(landmarks.xy(168), u, v);
    }

    /** Point at {@code (u, v)} face widths from {@code origin}, along {@link #across} and {@link #down}. */
    public Point offset(Point origin, double u, double v) {
        Point a = across();
        Point d = down();
        double w = faceWidth();
        return new Point(origin.x + (a.x * u + d.x * v) * w, origin.y + (a.y * u + d.y * v) * w);
    }

    /** The strip beside a cheek: this many face widths inside the face outline and this many outside it. */
    public static final double CHEEK_STRIP_INSET = 0.02;
    public static final double CHEEK_STRIP_WIDTH = 0.12;

    /**
     * The strip just outside the face outline beside a cheek, from the widest point down to the jaw angle, on image
     * side {@code side} (-1 left: the subject's right cheek, +1 right). R5 and R6 read what covers it.
     */
    public Point[] cheekStrip(int side) {
        int[] outline = side < 0 ? FaceLandmarks.RIGHT_CHEEK_OUTLINE : FaceLandmarks.LEFT_CHEEK_OUTLINE;
        Point[] strip = new Point[outline.length * 2];
        for (int i = 0; i < outline.length; i++) {
            Point p = landmarks.xy(outline[i]);
            strip[i] = offset(p, -CHEEK_STRIP_INSET * side, 0);
            strip[strip.length - 1 - i] = offset(p, CHEEK_STRIP_WIDTH * side, 0);
        }
        return strip;
    }

    /** The ear strip: this many face widths outside the face outline, inside it, and above its widest point. */
    public static final double EAR_STRIP_WIDTH = 0.12;
    public static final double EAR_STRIP_INSET = 0.02;
    public static final double EAR_STRIP_HEIGHT = 0.3;

    /**
     * The strip beside a temple where an ear is, on image side {@code side} (-1 left: the subject's right ear): just
     * outside the face outline from its widest point (landmarks 234/454) up to about the eyebrows. R6 reads the ear's
     * skin in it; {@link ForeheadCover} reads the colour of the hair beside the temples from it.
     */
    public Point[] earStrip(int side) {
        Point edge = landmarks.xy(side < 0 ? FaceLandmarks.RIGHT_FACE_EDGE : FaceLandmarks.LEFT_FACE_EDGE);
        return new Point[] {offset(edge, -EAR_STRIP_INSET * side, -EAR_STRIP_HEIGHT),
                offset(edge, EAR_STRIP_WIDTH * side, -EAR_STRIP_HEIGHT), offset(edge, EAR_STRIP_WIDTH * side, 0),
                offset(edge, -EAR_STRIP_INSET * side, 0)};
    }

    /** Axis-aligned box around the face outline. */
    public Rect faceBox() {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Point p : landmarks.polygon(FaceLandmarks.FACE_OVAL)) {
            minX = Math.min(minX, p.x);
            minY = Math.min(minY, p.y);
            maxX = Math.max(maxX, p.x);
            maxY = Math.max(maxY, p.y);
        }
        return new Rect((int) Math.floor(minX), (int) Math.floor(minY), (int) Math.ceil(maxX - minX),
                (int) Math.ceil(maxY - minY));
    }

    /** Top of the hair (or of whatever is worn) to the chin, along the face's vertical axis. */
    public double headLength() {
        Point chin = landmarks.xy(FaceLandmarks.CHIN);
        Point d = down();
        return (chin.x - head.crown().x) * d.x + (chin.y - head.crown().y) * d.y;
    }
}
