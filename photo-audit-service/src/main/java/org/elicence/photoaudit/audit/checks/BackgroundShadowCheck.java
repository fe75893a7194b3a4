package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * R2: a shadow behind the head. The background band right around the head (within a quarter face width of the
 * person's outline, above the chin) is compared with the rest of the background: a cast shadow darkens the band.
 */
public final class BackgroundShadowCheck extends BaseCheck {

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

    private final Settings settings;

    public BackgroundShadowCheck(Settings settings) {
        super("R2", "BACKGROUND_SHADOW", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        int band = Math.max(2, (int) Math.round(settings.bandWidth() * face.faceWidth()));
        Mat near = new Mat();
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * band + 1, 2 * band + 1));
        Imgproc.dilate(a.person().person(), near, kernel);
        Core.bitwise_and(near, a.person().background(), near);
        int chin = (int) Math.min(a.work().rows(), Math.max(0, face.faceBox().y + face.faceBox().height));
        near.submat(new Rect(0, chin, near.cols(), near.rows() - chin)).setTo(new org.opencv.core.Scalar(0));
        Mat far = new Mat();
        Core.subtract(a.person().background(), near, far);
        double nearCount = Core.countNonZero(near);
        double farCount = Core.countNonZero(far);
        double drop = nearCount == 0 || farCount == 0 ? 0
                : (Core.mean(a.lab(), far).val[0] - Core.mean(a.lab(), near).val[0]) * 100 / 255;
        for (Mat m : new Mat[] {near, kernel, far}) {
            m.release();
        }
        return Results.atMost(rule(), "NO_BACKGROUND_SHADOW", "BACKGROUND_SHADOW", drop, settings.maxShadowDrop(),
                "L* drop beside the head", AWAY);
    }
}
