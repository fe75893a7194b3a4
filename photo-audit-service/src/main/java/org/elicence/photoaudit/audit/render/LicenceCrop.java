package org.elicence.photoaudit.audit.render;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Rect2d;

/**
 * Where the licence portrait (260 x 378 px at 300 dpi: head length 224-260 px from the top of the hair to the
 * chin, hair 10-20 px below the top edge, centred) lies in the photo, in working-image pixels. The head length
 * is scaled to the configured target, the crown placed the configured margin below the top, and the face
 * centred horizontally. The crop may extend beyond the photo; C2 says how far it may.
 */
public final class LicenceCrop {

    private LicenceCrop() {
    }

    /** The format's longest head, top of hair to chin, in portrait pixels. */
    static final int MAX_HEAD_LENGTH = 260;

    public static Rect2d inWorkingImage(FaceGeometry face, AuditConfig.Portrait p, int imageWidth, int imageHeight) {
        double headLength = Math.max(1.0, face.headLength());
        double crownY = face.head().crown().y;
        Point right = face.landmarks().xy(FaceLandmarks.RIGHT_FACE_EDGE);
        Point left = face.landmarks().xy(FaceLandmarks.LEFT_FACE_EDGE);
        double centreX = (right.x + left.x) / 2;
        // portrait pixels per photo pixel: the target, or larger (a smaller crop) where the photo needs it
        double fitBelow = (p.height() - p.topMargin()) / Math.max(1.0, imageHeight - crownY);
        double fitAbove = p.topMargin() / Math.max(1.0, crownY);
        double fitSides = p.width() / 2.0 / Math.max(1.0, Math.min(centreX, imageWidth - centreX));
        double scale = Math.max(p.headLength() / headLength, Math.max(fitBelow, Math.max(fitAbove, fitSides)));
        scale = Math.min(scale, MAX_HEAD_LENGTH / headLength);
        double width = p.width() / scale;
        double height = p.height() / scale;
        double top = crownY - p.topMargin() / scale;
        return new Rect2d(centreX - width / 2, top, width, height);
    }

    /** {@link #inWorkingImage} in whole working-image pixels (it may still reach beyond the photo). */
    public static Rect roundedInWorkingImage(FaceGeometry face, AuditConfig.Portrait p, int imageWidth,
            int imageHeight) {
        Rect2d exact = inWorkingImage(face, p, imageWidth, imageHeight);
        return new Rect((int) Math.round(exact.x), (int) Math.round(exact.y), (int) Math.round(exact.width),
                (int) Math.round(exact.height));
    }

    /** {@code r} in pixels of an image {@code f} times as large, each coordinate rounded. */
    static Rect scaled(Rect r, double f) {
        return new Rect((int) Math.round(r.x * f), (int) Math.round(r.y * f), (int) Math.round(r.width * f),
                (int) Math.round(r.height * f));
    }

    /**
     * How far the crop reaches beyond the top or the sides of the photo, on its worst side, as a fraction of the
     * crop's own height (0 when it lies inside).
     */
    public static double overhangAboveAndBeside(Rect2d crop, int width, int height) {
        double left = -crop.x;
        double top = -crop.y;
        double right = crop.x + crop.width - width;
        return Math.max(0, Math.max(Math.max(left, right), top)) / crop.height;
    }

    /** How far the crop reaches below the photo, as a fraction of its height (0 when it ends inside). */
    public static double overhangBelow(Rect2d crop, int height) {
        return Math.max(0, crop.y + crop.height - height) / crop.height;
    }
}
