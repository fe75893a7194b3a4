package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * R7 (beautifying filter): skin smoothing removes the fine texture of the cheeks while the eyes keep their
 * edges. Measured as mean |Laplacian| on the cheeks / mean |Laplacian| in the eye band. Heavy make-up
 * itself is not measured (no reliable colour model without a reference photo): see docs.
 */
public final class SkinSmoothingCheck extends BaseCheck {

    private static final Guidance NATURAL = new Guidance("请关闭美颜、磨皮和滤镜，上传未经修饰的照片",
            "Turn off beauty mode, skin smoothing and filters, and upload an unedited photo");

    public SkinSmoothingCheck() {
        super("R7", "SKIN_TEXTURE", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        Rect face = a.requireFace().box();
        Mat laplacian = new Mat();
        Imgproc.Laplacian(a.grey().submat(Regions.clip(face, a.grey())), laplacian, CvType.CV_32F);
        Core.absdiff(laplacian, new org.opencv.core.Scalar(0), laplacian);
        Rect local = new Rect(0, 0, face.width, face.height);
        double cheeks = (Regions.mean(laplacian, Regions.ofFace(local, 0.18, 0.55, 0.36, 0.75))
                + Regions.mean(laplacian, Regions.ofFace(local, 0.64, 0.55, 0.82, 0.75))) / 2;
        double eyes = Regions.mean(laplacian, Regions.ofFace(local, 0.15, 0.28, 0.85, 0.50));
        laplacian.release();
        return Results.atLeast(rule(), "NATURAL_SKIN_TEXTURE", "SKIN_SMOOTHED", cheeks / Math.max(1e-3, eyes),
                a.config().face().minSkinTextureRatio(), "cheek / eye-band texture", NATURAL);
    }
}
