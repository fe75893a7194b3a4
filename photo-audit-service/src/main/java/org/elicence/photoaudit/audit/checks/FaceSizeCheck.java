package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.render.LicenceCrop;
import org.opencv.core.Rect2d;

/**
 * C2: size and position judged against the licence format. The licence portrait is cut from the photo (head
 * length scaled to the format, hair just below the top, face centred), so what matters is that the head is not
 * a speck in the frame and that the cut fits: a photo that already is a licence-format crop fits exactly.
 */
public final class FaceSizeCheck extends BaseCheck {

    private static final Measure HEAD_LENGTH_PHOTO_HEIGHT = new Measure("头部长度 / 照片高度", "head length / photo height");
    private static final Measure CROP_OVERHANG_BELOW = new Measure("驾驶证照片裁切框超出照片底部的部分 / 裁切框高度",
            "licence crop below the photo / crop height");
    private static final Measure CROP_OVERHANG_ABOVE_OR_BESIDE = new Measure("驾驶证照片裁切框超出照片顶部或两侧的部分 / 裁切框高度",
            "licence crop above or beside the photo / crop height");

    @ConfigMapping(prefix = "photo-audit.c2-face-size")
    public interface Settings {
        /** Head length (top of hair to chin) / photo height below this: the face is too small in the frame. */
        @WithDefault("0.2")
        double minHeadShare();

        /** How far the licence crop may reach beyond the top or sides of the photo, as a fraction of its height. */
        @WithDefault("0.04")
        double maxCropOverhang();

        /**
         * How far it may reach below the photo: the clothing is continued there, which shows nothing the photo
         * did not (a photo cut at the upper chest still yields the portrait).
         */
        @WithDefault("0.12")
        double maxCropOverhangBelow();
    }

    private static final Guidance CLOSER = new Guidance("脸部在画面中太小：请靠近相机，让头部占满更多画面",
            "Your face is too small in the frame: move closer so that your face fills more of the frame");
    private static final Guidance FURTHER = new Guidance("头部在画面中太大，无法裁出驾驶证照片：请后退一点，头顶上方和两侧留出空白",
            "Your head fills too much of the frame for the licence format: step back so there is space above and beside your head");
    private static final Guidance LOWER = new Guidance("照片下方空间不足：请把相机稍微放低或后退一点，让肩膀完整入镜",
            "There is too little space below your chin: lower the camera a little or step back so your shoulders show");
    private static final Guidance CENTRE = new Guidance("请让头部位于画面正中，头顶上方和两侧留出空白",
            "Centre your head in the frame with some space above your hair and on both sides");

    private final Settings settings;
    private final LicenceFraming framing;

    FaceSizeCheck(LicenceFraming framing) {
        super("C2", "FACE_SIZE", true);
        this.settings = framing.settings();
        this.framing = framing;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        FaceGeometry face = a.requireFace();
        int width = a.work().cols();
        int height = a.work().rows();
        double share = face.headLength() / height;
        if (share < settings.minHeadShare()) {
            return Results.fail(rule(), "FACE_TOO_SMALL", share, ">= " + Results.fmt(settings.minHeadShare()),
                    HEAD_LENGTH_PHOTO_HEIGHT, CLOSER);
        }
        Rect2d crop = framing.crop(a);
        double below = LicenceCrop.overhangBelow(crop, height);
        if (below > settings.maxCropOverhangBelow()) {
            return Results.fail(rule(), "FACE_TOO_LOW", below, "<= " + Results.fmt(settings.maxCropOverhangBelow()),
                    CROP_OVERHANG_BELOW, LOWER);
        }
        double overhang = LicenceCrop.overhangAboveAndBeside(crop, width, height);
        String limit = "<= " + Results.fmt(settings.maxCropOverhang());
        if (overhang <= settings.maxCropOverhang()) {
            return Results.pass(rule(), "FACE_SIZE_OK", overhang, limit, CROP_OVERHANG_ABOVE_OR_BESIDE);
        }
        boolean tooBig = crop.width > width * (1 + settings.maxCropOverhang()) || crop.height > height
                * (1 + settings.maxCropOverhang() + settings.maxCropOverhangBelow());
        return Results.fail(rule(), tooBig ? "FACE_TOO_CLOSE" : "FACE_OFF_CENTRE", overhang, limit,
                CROP_OVERHANG_ABOVE_OR_BESIDE, tooBig ? FURTHER : CENTRE);
    }
}
