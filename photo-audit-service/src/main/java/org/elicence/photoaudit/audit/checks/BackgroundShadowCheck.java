package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.CvType;
import org.opencv.imgproc.Imgproc;

/**
 * R2: a shadow behind the head. The background band right around the head (within a quarter face width of the
 * person's outline, above the chin) is compared with the rest of the background: a cast shadow darkens the band.
 * When the photo cuts off the wall the licence portrait shows around the head ({@link LicenceFraming}, C2's
 * measure), there is no rest of the background to compare with, only slivers at the frame's edges.
 */
public final class BackgroundShadowCheck extends BaseCheck {

    private static final Measure LIGHTNESS_DROP_BESIDE_HEAD = new Measure("头部旁边背景亮度 L* 的下降", "L* drop beside the head");

    @ConfigMapping(prefix = "photo-audit.r2-background-shadow")
    public interface Settings {
        /** Largest L* drop of the band beside the head below the rest of the background. */
        @WithDefault("3")
        double maxShadowDrop();

        /** Width of the band beside the head, in face widths. */
        @WithDefault("0.25")
        double bandWidth();
    }

    private static final Guidance AWAY = new Guidance("头部后方有阴影：请离墙远一些，并让光线从正前方照射",
            "There is a shadow behind your head: move away from the wall and light your face from the front");

    private static final Guidance NO_WALL = new Guidance("头部周围露出的背景太少，无法判断是否有阴影：请后退一些，头部上方和两侧留出空白",
            "Too little of the wall around your head shows to judge a shadow: step back so there is space above and"
                    + " beside your head");

    private final Settings settings;
    private final LicenceFraming framing;

    BackgroundShadowCheck(Settings settings, LicenceFraming framing) {
        super("R2", "BACKGROUND_SHADOW", true);
        this.settings = settings;
        this.framing = framing;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        if (!framing.showsWallAroundHead(a)) {
            return notAssessable(NO_WALL);
        }
        double band = Math.max(2, settings.bandWidth() * face.faceWidth());
        // distance of every pixel to the person (linear time, where dilating by a band this wide is not)
        Mat outside = new Mat();
        Core.bitwise_not(a.person().person(), outside);
        Mat distance = new Mat();
        Imgproc.distanceTransform(outside, distance, Imgproc.DIST_L2, Imgproc.DIST_MASK_3);
        Mat near = new Mat();
        Imgproc.threshold(distance, near, band, 255, Imgproc.THRESH_BINARY_INV);
        near.convertTo(near, CvType.CV_8U);
        Core.bitwise_and(near, a.person().background(), near);
        int chin = (int) Math.min(a.work().rows(), Math.max(0, face.faceBox().y + face.faceBox().height));
        Regions.fill(near, new Rect(0, chin, near.cols(), near.rows() - chin), new org.opencv.core.Scalar(0));
        Mat far = new Mat();
        Core.subtract(a.person().background(), near, far);
        double nearCount = Core.countNonZero(near);
        double farCount = Core.countNonZero(far);
        double drop = nearCount == 0 || farCount == 0 ? 0
                : (Core.mean(a.lab(), far).val[0] - Core.mean(a.lab(), near).val[0]) * 100 / 255;
        for (Mat m : new Mat[] {outside, distance, near, far}) {
            m.release();
        }
        return Results.atMost(rule(), "NO_BACKGROUND_SHADOW", "BACKGROUND_SHADOW", drop, settings.maxShadowDrop(),
                LIGHTNESS_DROP_BESIDE_HEAD, AWAY);
    }
}
