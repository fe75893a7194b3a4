package org.elicence.messaging.events;

import java.util.List;

/**
 * photo-audit-service's reading of one ID-card side, the answer to {@link IdCardReadingRequested}: every check it
 * made (all rules but ID15, which idcard-service judges against the other side it holds), the side rectified to a
 * head-on view and, on a front, the licence portrait cut from its photo (null where the checks did not get that far),
 * and the rectified side's perceptual hash (null likewise).
 */
public record IdCardSideRead(String applicationId, String uploadId, IdCardSide side, List<RuleCheck> checks,
        EncodedImage rectifiedCard, EncodedImage portrait, Long perceptualHash) implements KeyedByApplication {

    @Override
    public String toString() {
        return "IdCardSideRead[application=" + applicationId + ", upload=" + uploadId + ", side=" + side + ", "
                + (checks == null ? 0 : checks.size()) + " checks]";
    }
}
