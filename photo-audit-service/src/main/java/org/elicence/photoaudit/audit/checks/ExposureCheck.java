package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceExposure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.elicence.photoaudit.audit.render.LicenceCrop;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * C5: exposure and dynamic range, measured so that skin tone does not matter. A dark face is not an
 * underexposed photo: the photo is underexposed when even its brightest part (the white wall, a white shirt,
 * highlights) stays dark, or when much of the face is crushed to black; overexposed when much of the face, in more
 * than one of its parts, is (nearly) clipped to white (one white part is a flash spot, R1's), or when even the
 * pupils are no longer dark (washed out: a lifted black level). A darker or lighter skin moves none of these
 * measures.
 */
public final class ExposureCheck extends BaseCheck {

    private static final Measure PHOTO_BRIGHT_LEVEL = new Measure("照片灰度的第 98 百分位",
            "98th percentile grey level of the photo");
    private static final Measure PUPILS_DARKEST_GREY = new Measure("眼睛中最暗的灰度（瞳孔）",
            "darkest grey level in the eyes (the pupils)");
    private static final Measure PORTRAIT_DYNAMIC_RANGE = new Measure("驾驶证照片区域灰度第 2 与第 98 百分位之差",
            "grey levels between 2nd and 98th percentile of the licence portrait's area");

    @ConfigMapping(prefix = "photo-audit.c5-exposure")
    public interface Settings {
        /** Share of face pixels at or below grey 12 above this: the face is crushed to black. */
        @WithDefault("0.15")
        double maxFaceBlack();

        /** Minimum grey levels between the 2nd and 98th percentile of the licence portrait's area in the photo. */
        @WithDefault("90")
        double minDynamicRange();
    }

    private static final Guidance DARK = new Guidance("照片太暗：请在明亮均匀的光线下拍摄，例如面向窗户",
            "The photo is too dark: take it in bright, even light, for example facing a window");
    private static final Guidance BRIGHT = new Guidance("照片过亮：请关闭闪光灯，避免强光直射",
            "The photo is washed out: turn off the flash and avoid direct strong light");
    private static final Guidance FLAT = new Guidance("照片对比度太低：请不要使用滤镜，在光线充足处重新拍摄",
            "The photo has too little contrast: do not use filters and retake it in good light");

    private final Settings settings;
    private final AuditConfig.Portrait portrait;

    public ExposureCheck(Settings settings, AuditConfig.Portrait portrait) {
        super("C5", "EXPOSURE", true);
        this.settings = settings;
        this.portrait = portrait;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        if (a.tooDark()) {
            return Results.fail(rule(), "UNDEREXPOSED", a.brightLevel(),
                    ">= " + Results.fmt(a.exposureSettings().minBrightLevel()), PHOTO_BRIGHT_LEVEL,
                    DARK);
        }
        FaceExposure face = a.faceExposure();
        if (face.blackShare() > settings.maxFaceBlack()) {
            return Results.fail(rule(), "UNDEREXPOSED", face.blackShare(), "<= " + Results.fmt(settings.maxFaceBlack()),
                    face.blackShareMeasure(), DARK);
        }
        AuditConfig.Exposure shared = a.exposureSettings();
        if (a.faceClippedToWhite()) {
            return Results.fail(rule(), "OVEREXPOSED", face.whiteShare(), "<= " + Results.fmt(shared.maxFaceWhite()),
                    face.whiteShareMeasure(shared.minWhiteParts()), BRIGHT);
        }
        if (a.pupilsWashedOut()) {
            return Results.fail(rule(), "OVEREXPOSED", face.eyesDarkest(), "<= " + Results.fmt(shared.maxEyeDarkest()),
                    PUPILS_DARKEST_GREY, BRIGHT);
        }
        return Results.atLeast(rule(), "EXPOSURE_OK", "LOW_CONTRAST", portraitRange(a), settings.minDynamicRange(),
                PORTRAIT_DYNAMIC_RANGE, FLAT);
    }

    /**
     * The 2nd-98th percentile grey range of what the licence portrait will show (its crop, inside the photo): the
     * person's contrast, which a filter or haze flattens, and not how much of the frame the wall fills (a person
     * far from the camera is C2's).
     */
    private double portraitRange(PhotoAnalysis a) {
        Rect crop = Regions.clip(LicenceCrop.roundedInWorkingImage(a.requireFace(), portrait, a.work().cols(),
                a.work().rows()), a.grey());
        Mat area = a.grey().submat(crop);
        Mat everywhere = new Mat();
        double[] range = Regions.quantiles(area, 0, everywhere, 0.02, 0.98);
        everywhere.release();
        area.release();
        return range[1] - range[0];
    }
}
