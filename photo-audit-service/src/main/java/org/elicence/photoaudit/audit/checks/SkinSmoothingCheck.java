package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * R7: no beautifying filter. Skin-smoothing filters flatten the fine texture of the cheeks while keeping the
 * strong edges of eyes and brows. Measured on the face resampled to a fixed width: the fine detail (Laplacian)
 * on the cheeks over the fine detail of the eye band. An ordinary photo keeps both; a smoothed one loses the
 * first. Heavy make-up is not measured (docs/photo-audit.md).
 */
public final class SkinSmoothingCheck extends BaseCheck {

    private static final Measure CHEEK_DETAIL_EYE_BAND_DETAIL = new Measure("脸颊细节 / 眼部区域细节",
            "cheek detail / eye-band detail");

    @ConfigMapping(prefix = "photo-audit.r7-skin-texture")
    public interface Settings {
        /** Cheek detail / eye-band detail below this: the skin has been smoothed. */
        @WithDefault("0.08")
        double minTextureRatio();
    }

    static final int NORMALISED_FACE_WIDTH = 160;
    /** Cheek patches: landmarks and radius in face widths. */
    static final int[] CHEEKS = {50, 280, 101, 330};
    static final double CHEEK_RADIUS = 0.07;

    private static final Guidance NATURAL = new Guidance("请关闭美颜、磨皮和滤镜，上传未经修饰的照片",
            "Turn off beauty mode, skin smoothing and filters, and upload an unedited photo");

    private final Settings settings;

    public SkinSmoothingCheck(Settings settings) {
        super("R7", "SKIN_TEXTURE", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        Rect box = Regions.clip(face.faceBox(), a.grey());
        double f = NORMALISED_FACE_WIDTH / (double) Math.max(1, box.width);
        double cheekDetail;
        double eyeDetail;
        try (NativeMats mats = new NativeMats()) {
            Mat grey = mats.mat();
            Imgproc.resize(mats.view(a.grey(), box), grey,
                    new Size(NORMALISED_FACE_WIDTH, Math.max(1, Math.round(box.height * f))),
                    0, 0, f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            Mat detail = mats.mat();
            Imgproc.Laplacian(grey, detail, CvType.CV_32F, 1);
            Core.absdiff(detail, new org.opencv.core.Scalar(0), detail);
            Mat cheeks = mats.add(Mat.zeros(grey.size(), CvType.CV_8U));
            for (int i : CHEEKS) {
                Point p = face.landmarks().xy(i);
                Imgproc.circle(cheeks, new Point((p.x - box.x) * f, (p.y - box.y) * f),
                        (int) Math.round(CHEEK_RADIUS * face.faceWidth() * f), new org.opencv.core.Scalar(255), -1);
            }
            Rect eyeBand = Regions.clip(new Rect(0,
                    (int) Math.round((face.rightEye().y - box.y) * f - 0.06 * NORMALISED_FACE_WIDTH),
                    NORMALISED_FACE_WIDTH, (int) Math.round(0.12 * NORMALISED_FACE_WIDTH)), grey);
            cheekDetail = Regions.meanUnder(detail, cheeks)[0];
            eyeDetail = Core.mean(mats.view(detail, eyeBand)).val[0];
        }
        double ratio = cheekDetail / Math.max(1e-6, eyeDetail);
        return Results.atLeast(rule(), "NATURAL_SKIN", "SKIN_SMOOTHED", ratio, settings.minTextureRatio(),
                CHEEK_DETAIL_EYE_BAND_DETAIL, NATURAL);
    }
}
