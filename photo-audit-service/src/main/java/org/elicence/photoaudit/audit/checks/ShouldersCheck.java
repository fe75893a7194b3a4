package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * R3: sitting upright, shoulders level. The shoulder line is read from the person's silhouette: at several
 * distances either side of the face's centre, the first person pixel below the chin line; the heights of each
 * left/right pair give an angle, and their median is the shoulders' tilt against the horizontal. In a washed-out
 * photo (C5) a white top has no outline against the wall: NOT_ASSESSABLE, with C5's advice.
 */
public final class ShouldersCheck extends BaseCheck {

    private static final Measure SHOULDER_TILT_NO_SHOULDERS = new Measure("肩线倾斜角（度；照片中没有肩部）",
            "shoulder-line tilt (degrees; no shoulder in the photo)");
    private static final Measure SHOULDER_TILT_DEGREES = new Measure("肩线倾斜角（度）", "shoulder-line tilt (degrees)");

    @ConfigMapping(prefix = "photo-audit.r3-shoulders")
    public interface Settings {
        /** Largest shoulder-line tilt accepted, degrees. */
        @WithDefault("8.5")
        double maxTiltDegrees();
    }

    /** The column scan starts this many face widths above the chin. */
    static final double SCAN_ABOVE_CHIN = 0.3;
    /** The lower shoulder point of a pair lies at least this many face widths below the chin. */
    static final double MIN_BELOW_CHIN = 0.1;
    /** Clothing is compared in patches of this radius, this far below each shoulder point (face widths). */
    static final double CLOTHING_PATCH_RADIUS = 0.03;
    static final double CLOTHING_PATCH_BELOW = 0.06;
    /** Largest colour difference (Lab ΔE) between the two shoulders' clothing for a raised shoulder. */
    static final double SAME_CLOTHING_DELTA_E = 10;
    /** Where the shoulders are read, in face widths either side of the face centre. */
    static final double[] OFFSETS = {0.6, 0.7, 0.8, 0.95, 1.1, 1.25};

    private static final Guidance LEVEL = new Guidance("肩膀不平：请坐直，双肩放松保持水平",
            "Your shoulders are not level: sit upright with both shoulders relaxed and level");

    private static final Guidance TOO_BRIGHT = new Guidance("照片过亮，看不清肩膀与背景的分界：请关闭闪光灯，避免强光直射后重新拍摄",
            "The photo is too bright to see your shoulders against the background: turn off the flash, avoid"
                    + " direct strong light and retake it");

    private final Settings settings;

    public ShouldersCheck(Settings settings) {
        super("R3", "SHOULDERS", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        if (a.washedOut()) {
            // a white top clipped to the wall's white has no outline: the silhouette's shoulders are guesses (C5)
            return notAssessable(TOO_BRIGHT);
        }
        FaceGeometry face = a.requireFace();
        Point right = face.landmarks().xy(234);
        Point left = face.landmarks().xy(454);
        double centreX = (right.x + left.x) / 2;
        double chinY = face.landmarks().xy(152).y;
        double startY = chinY - SCAN_ABOVE_CHIN * face.faceWidth();
        double shoulderY = chinY + MIN_BELOW_CHIN * face.faceWidth();
        double[] angles = new double[OFFSETS.length];
        int n = 0;
        for (double offset : OFFSETS) {
            double dx = offset * face.faceWidth();
            double yl = shoulderTop(a, centreX - dx, startY);
            double yr = shoulderTop(a, centreX + dx, startY);
            // hair hanging beside the face is not a shoulder: both sides must lie below the chin, unless one side
            // rises above it wearing the same clothes as the other (a raised shoulder; hair differs in colour)
            if (!Double.isNaN(yl) && !Double.isNaN(yr) && Math.max(yl, yr) >= shoulderY
                    && (Math.min(yl, yr) >= chinY || sameClothing(a, face, centreX - dx, yl, centreX + dx, yr))) {
                angles[n++] = Math.toDegrees(Math.atan2(yr - yl, 2 * dx));
            }
        }
        if (n == 0) {
            // no shoulder below the chin on both sides: the frame is cut too tightly to show them, and so will
            // the licence portrait be (C3 asks for room below the chin)
            return Results.pass(rule(), "SHOULDERS_LEVEL", 0.0, "<= " + Results.fmt(settings.maxTiltDegrees()),
                    SHOULDER_TILT_NO_SHOULDERS);
        }
        java.util.Arrays.sort(angles, 0, n);
        double tilt = Math.abs(n % 2 == 1 ? angles[n / 2] : (angles[n / 2 - 1] + angles[n / 2]) / 2);
        return Results.atMost(rule(), "SHOULDERS_LEVEL", "SHOULDERS_TILTED", tilt, settings.maxTiltDegrees(),
                SHOULDER_TILT_DEGREES, LEVEL);
    }

    /** Whether the person just below two shoulder points has one colour (within {@link #SAME_CLOTHING_DELTA_E}). */
    private static boolean sameClothing(PhotoAnalysis a, FaceGeometry face, double xl, double yl, double xr, double yr) {
        double below = CLOTHING_PATCH_BELOW * face.faceWidth();
        LabColour left = patchColour(a, xl, yl + below, CLOTHING_PATCH_RADIUS * face.faceWidth());
        LabColour right = patchColour(a, xr, yr + below, CLOTHING_PATCH_RADIUS * face.faceWidth());
        return left != null && right != null && left.distance(right) <= SAME_CLOTHING_DELTA_E;
    }

    private static LabColour patchColour(PhotoAnalysis a, double x, double y, double radius) {
        int r = Math.max(1, (int) Math.round(radius));
        Rect patch = new Rect((int) Math.round(x) - r, (int) Math.round(y) - r, 2 * r + 1, 2 * r + 1);
        if (patch.x < 0 || patch.y < 0 || patch.x + patch.width > a.lab().cols() || patch.y + patch.height > a.lab().rows()) {
            return null;
        }
        Mat region = a.lab().submat(patch);
        LabColour colour = LabColour.fromOpenCv(Core.mean(region).val);
        region.release();
        return colour;
    }

    /** First person row at or below {@code fromY} in column {@code x}; NaN when the column has none. */
    private static double shoulderTop(PhotoAnalysis a, double x, double fromY) {
        int column = (int) Math.round(x);
        if (column < 0 || column >= a.work().cols()) {
            return Double.NaN;
        }
        for (int y = Math.max(0, (int) Math.round(fromY)); y < a.work().rows(); y++) {
            if (a.person().isPerson(column, y)) {
                return y;
            }
        }
        return Double.NaN;
    }
}
