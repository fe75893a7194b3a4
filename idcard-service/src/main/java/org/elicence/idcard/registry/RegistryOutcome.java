package org.elicence.idcard.registry;

import java.time.LocalDate;
import java.util.Optional;

import org.elicence.messaging.events.IdCardUploadRequired;
import org.elicence.messaging.events.LocalizedText;

/** What the ID registry can offer an application: its photo, or the reason the card must be uploaded. */
public enum RegistryOutcome {

    PHOTO_SENT_TO_AUDIT,
    NOT_IN_REGISTRY,
    CARD_ISSUED_BEFORE_CUTOFF,
    NO_USABLE_PHOTO;

    /** The cut-off wins over a missing photo: an old card's photo would not be used even if there were one. */
    public static RegistryOutcome of(Optional<Citizen> citizen, LocalDate photoValidFrom) {
        if (citizen.isEmpty()) {
            return NOT_IN_REGISTRY;
        }
        if (citizen.get().cardIssuedOn.isBefore(photoValidFrom)) {
            return CARD_ISSUED_BEFORE_CUTOFF;
        }
        return citizen.get().photoFile == null ? NO_USABLE_PHOTO : PHOTO_SENT_TO_AUDIT;
    }

    public boolean requiresUpload() {
        return this != PHOTO_SENT_TO_AUDIT;
    }

    /** The {@link IdCardUploadRequired} reason code; the names are the same by design. */
    public String uploadReason() {
        if (!requiresUpload()) {
            throw new IllegalStateException(this + " requires no upload");
        }
        return name();
    }

    /** What the applicant is told, in both languages. */
    public LocalizedText uploadMessage(LocalDate photoValidFrom) {
        // Both routes the application takes from here (docs/api.md): the card, for staff to review, or a new portrait.
        String askZh = "请上传身份证正面（人像面）和反面（国徽面）的照片供工作人员审核，或上传一张新的证件照。";
        String askEn = "Please upload photos of the front (portrait side) and back (emblem side) of your ID card for "
                + "staff to review, or upload a new portrait photo.";
        return switch (this) {
            case NOT_IN_REGISTRY -> new LocalizedText("身份证信息库中未找到您的记录。" + askZh,
                    "Your resident ID was not found in the ID registry. " + askEn);
            case CARD_ISSUED_BEFORE_CUTOFF -> new LocalizedText(
                    "您的身份证签发于 " + photoValidFrom + " 之前，信息库中的证件照片不能直接用于驾驶证。" + askZh,
                    "Your ID card was issued before " + photoValidFrom
                            + ", so the registry's photo of you cannot be used for your licence as it is. " + askEn);
            case NO_USABLE_PHOTO -> new LocalizedText("身份证信息库中没有您可用的证件照片。" + askZh,
                    "The ID registry holds no usable photo of you. " + askEn);
            case PHOTO_SENT_TO_AUDIT -> throw new IllegalStateException(this + " requires no upload");
        };
    }
}
