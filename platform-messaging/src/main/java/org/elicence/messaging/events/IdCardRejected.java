package org.elicence.messaging.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The uploaded ID card was rejected, automatically or by staff, with the reason shown to the applicant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdCardRejected(String applicationId, String caseId, String code, LocalizedText message)
        implements KeyedByApplication {

    /**
     * What the applicant reads when staff reject the card: the reviewer's own words ({@code reasonEn} in English,
     * {@code reason} where the reviewer gave no English), framed with what to do next. One wording, whether the
     * rejection's own event carries it (idcard-service) or application-service's held sweep tells it from staff's
     * record because that event never came.
     */
    public static LocalizedText reviewerMessage(String reason, String reasonEn) {
        return new LocalizedText("身份证审核未通过：" + reason + "。请按要求重新上传身份证正面和反面的照片。",
                "Your ID card was not accepted: " + (reasonEn == null ? reason : reasonEn)
                        + ". Please upload new photos of the front and back of your ID card.");
    }
}
