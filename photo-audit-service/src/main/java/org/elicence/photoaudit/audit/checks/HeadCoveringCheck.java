package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.HeadCover;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * R5: bareheaded. The judgement, by shape and surface and not by colour, is {@link HeadCover}'s (settings
 * {@code photo-audit.r5-head-covering.*}), made once in the analysis because R6 and R11 read it too; this check
 * reports it with its guidance.
 */
public final class HeadCoveringCheck extends BaseCheck {

    private static final Guidance TOO_SOFT = new Guidance("照片不够清晰，无法判断是否戴帽或头巾：请在光线充足处重新拍摄清晰照片",
            "The photo is not sharp enough to tell hair from a hat or headscarf: retake a sharp photo in good light");
    private static final Guidance COMPRESSED = new Guidance("照片压缩过度，无法判断是否戴帽或头巾：请上传原始照片",
            "The photo is too compressed to tell hair from a hat or headscarf: upload the original file");
    private static final Guidance TOO_DARK = new Guidance("照片太暗，无法判断是否戴帽或头巾：请在明亮均匀的光线下重新拍摄",
            "The photo is too dark to tell hair from a hat or headscarf: retake it in bright, even light");
    private static final Guidance WASHED_OUT = new Guidance("照片过亮，无法判断是否戴帽或头巾：请关闭闪光灯，避免强光直射后重新拍摄",
            "The photo is too washed out to tell hair from a hat or headscarf: turn off the flash, avoid direct strong"
                    + " light and retake it");
    private static final Guidance FRAMED = new Guidance(
            "无法判断是否戴了头巾，工作人员将人工审核；如需自动通过，请将头发拢到耳后，露出双耳和下颌两侧",
            "We could not tell whether your head is covered, so staff will check the photo; for an automatic answer,"
                    + " tuck your hair behind your ears so your ears and jaw line show");
    private static final Guidance LOWER_FACE_COVERED = new Guidance("脸的下半部分被遮挡，遮挡物延伸到脸颊两侧，无法判断是否戴头巾：请取下遮挡物后重新拍摄",
            "What covers the lower half of your face reaches beside your cheeks, so a headscarf cannot be told: take it"
                    + " off and retake the photo");
    private static final Guidance WRAPPED = new Guidance(
            "您的脸部四周及下巴下方均被遮盖（如头巾或高领），工作人员将人工审核；如需自动通过，请摘下头巾并露出颈部",
            "Your face looks wrapped all round and under the chin, as by a headscarf or a high collar, so staff will"
                    + " check the photo; for an automatic answer, take off any headscarf and leave your neck visible");
    private static final Guidance REMOVE = new Guidance("请勿戴帽子、头巾或发箍，露出整个头部",
            "Remove your hat, cap, hood, headscarf or headband so your whole head is visible");

    public HeadCoveringCheck() {
        super("R5", "HEAD_COVERING", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        HeadCover head = a.headCover();
        return switch (head.state()) {
            case BARE -> Results.pass(rule(), "BAREHEADED", head.measured(), threshold(head), head.unit());
            case COVERED -> Results.fail(rule(), "HEAD_COVERED", head.measured(), threshold(head), head.unit(), REMOVE);
            case TOO_SOFT -> notAssessable(TOO_SOFT);
            case COMPRESSED -> notAssessable(COMPRESSED);
            case TOO_DARK -> notAssessable(TOO_DARK);
            case WASHED_OUT -> notAssessable(WASHED_OUT);
            case FRAMED -> notAssessable(FRAMED);
            case WRAPPED -> notAssessable(WRAPPED);
            case LOWER_FACE_COVERED -> notAssessable(LOWER_FACE_COVERED);
        };
    }

    private static String threshold(HeadCover head) {
        return head.comparison() + " " + Results.fmt(head.limit());
    }
}
