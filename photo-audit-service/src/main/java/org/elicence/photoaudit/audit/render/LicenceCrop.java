package org.elicence.photoaudit.audit.render;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.analysis.HeadGeometry;
import org.opencv.core.Rect;

/**
 * Where the licence portrait (260 x 378 px at 300 dpi: head width 165-189 px, head length 224-260 px,
 * hair 10-20 px below the top, centred) lies in the photo. The scale aims at the configured head width and
 * is nudged, within the allowed width range, so the head length also falls in its range.
 */
public final class LicenceCrop {

    static final int MIN_HEAD_WIDTH = 165;
    static final int MAX_HEAD_WIDTH = 189;
    static final int MIN_HEAD_LENGTH = 224;
    static final int MAX_HEAD_LENGTH = 260;

    private LicenceCrop() {
    }

    /** Portrait pixels per working-image pixel. */
    public static double scale(HeadGeometry head, AuditConfig.Portrait p) {
        double s = p.headWidth() / (double) head.width();
        double low = Math.max(MIN_HEAD_WIDTH / (double) head.width(), MIN_HEAD_LENGTH / (double) head.length());
        double high = Math.min(MAX_HEAD_WIDTH / (double) head.width(), MAX_HEAD_LENGTH / (double) head.length());
        return low <= high ? Math.max(low, Math.min(high, s)) : s;
    }

    /** The crop in working-image coordinates; may extend beyond the photo. */
    public static Rect inWorkingImage(HeadGeometry head, AuditConfig.Portrait p) {
        double s = scale(head, p);
        double width = p.width() / s;
        double height = p.height() / s;
        double top = head.top() - p.topMargin() / s;
        double left = head.centreX() - width / 2;
        return new Rect((int) Math.round(left), (int) Math.round(top), (int) Math.round(width), (int) Math.round(height));
    }

    /** Fraction of the crop area inside a {@code width} x {@code height} image. */
    public static double coverage(Rect crop, int width, int height) {
        int x0 = Math.max(0, crop.x);
        int y0 = Math.max(0, crop.y);
        int x1 = Math.min(width, crop.x + crop.width);
        int y1 = Math.min(height, crop.y + crop.height);
        double inside = Math.max(0, x1 - x0) * (double) Math.max(0, y1 - y0);
        return inside / Math.max(1.0, crop.area());
    }
}
