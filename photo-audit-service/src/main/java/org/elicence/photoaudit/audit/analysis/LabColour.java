package org.elicence.photoaudit.audit.analysis;

/**
 * CIE Lab colour in real units (L* 0-100, a* and b* signed), converted from OpenCV's 8-bit Lab encoding
 * (L scaled to 0-255, a and b offset by 128).
 */
public record LabColour(double l, double a, double b) {

    public static LabColour fromOpenCv(double[] lab8) {
        return new LabColour(lab8[0] * 100.0 / 255.0, lab8[1] - 128.0, lab8[2] - 128.0);
    }

    public double chroma() {
        return Math.hypot(a, b);
    }

    /** Hue angle in degrees, 0-360. */
    public double hueDegrees() {
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }

    public double chromaDistance(LabColour other) {
        return Math.hypot(a - other.a, b - other.b);
    }

    /** Euclidean distance in Lab (CIE76 ΔE). */
    public double distance(LabColour other) {
        return Math.sqrt((l - other.l) * (l - other.l) + (a - other.a) * (a - other.a) + (b - other.b) * (b - other.b));
    }
}
