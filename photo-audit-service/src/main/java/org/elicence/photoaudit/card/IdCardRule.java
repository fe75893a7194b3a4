package org.elicence.photoaudit.card;

import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/**
 * The automatic ID-card checks photo-audit-service makes; docs/idcard.md explains each rule and its threshold. ID15
 * (front and back are different pictures) is idcard-service's, which holds both sides.
 */
public enum IdCardRule {

    ID1("CARD_FOUND", "已识别到身份证。", "ID card found.",
            "照片中未识别到身份证。请将身份证平放在深色背景上，完整拍摄。",
            "No ID card was found in the photo. Lay the card flat on a dark background and photograph the whole card."),
    ID2("CARD_NOT_CROPPED", "身份证四个角完整。", "All four corners are in the photo.",
            "身份证边缘超出了照片范围。请让四个角都完整地出现在照片中。",
            "Part of the card is cut off. Make sure all four corners are inside the photo."),
    ID3("CARD_ASPECT_RATIO", "身份证长宽比例正确。", "The card has ID-card proportions.",
            "识别到的轮廓不符合身份证的长宽比例（85.6 × 54 毫米）。请正对身份证拍摄，不要遮挡边缘。",
            "The outline found does not have an ID card's proportions (85.6 x 54 mm). "
                    + "Photograph the card straight on without covering its edges."),
    ID4("CARD_RESOLUTION", "身份证在照片中足够大。", "The card is large enough in the photo.",
            "身份证在照片中太小，文字无法辨认。请靠近一些拍摄，让身份证占满大部分画面。",
            "The card is too small in the photo to read its text. Move closer so the card fills most of the frame."),
    ID5("CARD_PERSPECTIVE", "拍摄角度合适。", "The card was photographed straight on.",
            "拍摄角度过斜。请将手机与身份证平行后再拍摄。",
            "The card was photographed at too steep an angle. Hold the phone parallel to the card."),
    ID6("CARD_FOCUS", "照片清晰。", "The photo is in focus.",
            "照片模糊。请对焦清楚、保持手机稳定后重新拍摄。",
            "The photo is blurred. Let the camera focus and hold the phone still."),
    ID7("CARD_GLARE", "身份证上没有明显反光。", "No glare on the card.",
            "身份证上有反光，部分内容被遮挡。请避开灯光直射，关闭闪光灯。",
            "Glare hides part of the card. Avoid direct light and switch off the flash."),
    ID8("CARD_EXPOSURE", "亮度合适。", "The exposure is right.",
            "照片过暗或过亮。请在光线均匀的地方拍摄。",
            "The photo is too dark or too bright. Take it in even light."),
    ID9("PORTRAIT_PRESENT", "正面识别到人像。", "A portrait was found on the front.",
            "身份证正面未识别到人像。请上传带有人像的一面作为正面。",
            "No portrait was found on the front. Upload the portrait side as the front."),
    ID10("SINGLE_PORTRAIT", "正面只有一个人像。", "Exactly one portrait on the front.",
            "正面识别到多张人脸。请只拍摄身份证本身。",
            "More than one face was found. Photograph only the ID card."),
    ID11("PORTRAIT_SIZE", "人像大小合适。", "The portrait is large enough.",
            "身份证上的人像太小。请靠近拍摄。",
            "The portrait on the card is too small. Move closer."),
    ID12("PORTRAIT_SHARPNESS", "人像清晰。", "The portrait is sharp.",
            "身份证上的人像不清晰。请对焦后重新拍摄。",
            "The portrait on the card is not sharp. Focus on the card and retake the photo."),
    ID13("PORTRAIT_POSITION", "人像位于正面右侧。", "The portrait is on the right of the front.",
            "人像不在身份证正面右侧，照片可能是镜像的。请使用后置摄像头，或关闭镜像。",
            "The portrait is not on the right of the front, so the photo is probably mirrored. "
                    + "Use the rear camera or turn off mirroring."),
    ID14("BACK_WITHOUT_PORTRAIT", "反面没有人像。", "No portrait on the back.",
            "反面（国徽面）上识别到了人像，正反面可能上传反了。请把国徽面作为反面上传。",
            "A portrait was found on the back (emblem side): front and back may be swapped. "
                    + "Upload the emblem side as the back."),
    ID16("ID_NUMBER_READ", "已识别身份证号码，校验位正确。", "The number on the card was read; its check character is right.",
            "未能自动识别身份证号码，将由审核人员人工核对。如需自动核对，请在光线充足处正对身份证重新拍摄正面。",
            "The number on the card could not be read automatically; staff will compare it by eye. "
                    + "To have it checked at once, photograph the front again straight on and in good light."),
    ID17("ID_NUMBER_BIRTH_DATE", "身份证号码中的出生日期有效。", "The birth date in the number is valid.",
            "身份证上号码中的出生日期无效。请上传本人有效的居民身份证。",
            "The birth date in the card's number is not valid. Upload your own valid resident ID card."),
    ID18("ID_NUMBER_REGION", "身份证号码中的地区代码有效。", "The region code in the number is valid.",
            "身份证上号码中的地区代码无效。请上传本人有效的居民身份证。",
            "The region code in the card's number is not valid. Upload your own valid resident ID card."),
    ID19("ID_NUMBER_MATCHES_APPLICANT", "身份证号码与申请人一致。", "The card's number is the applicant's.",
            "身份证上的号码与申请人的身份证号码不一致。请上传申请人本人的居民身份证。",
            "The number on this card is not the applicant's resident ID number. "
                    + "Upload the applicant's own resident ID card."),
    ID20("NAME_MATCHES_APPLICANT", "身份证上的姓名与申请人一致。", "The name on the card is the applicant's.",
            "未能自动确认身份证上的姓名，将由审核人员人工核对。",
            "The name on the card could not be confirmed automatically; staff will compare it by eye."),
    ID21("CARD_NOT_EXPIRED", "身份证在有效期内。", "The card is within its validity period.",
            "身份证已过有效期限。请上传本人在有效期内的居民身份证。",
            "The card's validity period has ended. Upload your own resident ID card that is still valid.");

    /** ID19's code when it fails: a card of someone else. */
    public static final String ID_NUMBER_MISMATCH = "ID_NUMBER_MISMATCH";
    /** ID21's code when it fails: the validity read ended before today. */
    public static final String CARD_EXPIRED = "CARD_EXPIRED";
    /** ID16's code when the number cannot be read: staff compare it. */
    public static final String ID_NUMBER_UNREADABLE = "ID_NUMBER_UNREADABLE";

    private final String code;
    private final LocalizedText passed;
    private final LocalizedText failed;

    IdCardRule(String code, String passedZh, String passedEn, String failedZh, String failedEn) {
        this.code = code;
        this.passed = new LocalizedText(passedZh, passedEn);
        this.failed = new LocalizedText(failedZh, failedEn);
    }

    public String code() {
        return code;
    }

    public RuleCheck judge(boolean pass, Double measured, String threshold, LocalizedText unit) {
        String reported = pass ? code : switch (this) {
            case ID19 -> ID_NUMBER_MISMATCH;
            case ID21 -> CARD_EXPIRED;
            default -> code;
        };
        return new RuleCheck(name(), reported, pass ? RuleCheck.PASS : RuleCheck.FAIL, measured, threshold, unit,
                pass ? passed : failed);
    }

    public RuleCheck judge(boolean pass) {
        return judge(pass, null, null, null);
    }

    public RuleCheck notAssessable(LocalizedText because) {
        return notAssessable(code, because);
    }

    /** Not judged, reported under {@code reportedCode} (such as ID_NUMBER_UNREADABLE), with the reason. */
    public RuleCheck notAssessable(String reportedCode, LocalizedText because) {
        return new RuleCheck(name(), reportedCode, RuleCheck.NOT_ASSESSABLE, null, null, null, because);
    }

    /** ID16 when the card was found but its number could not be read: left to staff, with the reason. */
    public static RuleCheck numberUnreadable() {
        return new RuleCheck(ID16.name(), ID_NUMBER_UNREADABLE, RuleCheck.NOT_ASSESSABLE, null, null, null,
                ID16.failed);
    }
}
