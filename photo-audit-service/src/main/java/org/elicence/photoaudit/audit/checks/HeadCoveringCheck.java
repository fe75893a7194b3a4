package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.detect.DetectedFace;

/**
 * R5: a hat, cap or hood raises the silhouette above the eyes well beyond the height of a bare head with
 * hair. Measured as (eye line − top of silhouette) / face height on a uniform background.
 */
public final class HeadCoveringCheck extends BaseCheck {

    private static final double DEFAULT_EYE_HEIGHT = 0.40;
    private static final Guidance BAREHEADED = new Guidance("请勿戴帽子、头巾或发箍，露出整个头部",
            "Remove your hat, cap, hood, headscarf or headband so your whole head is visible");
    private static final Guidance UNKNOWN = new Guidance("背景不均匀，无法判断是否戴帽", "The background is not plain, so head coverings cannot be judged");

    public HeadCoveringCheck() {
        super("R5", "HEAD_COVERING", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        if (!a.head().measured()) {
            return notAssessable(UNKNOWN);
        }
        DetectedFace face = a.requireFace();
        double eyeY = face.hasBothEyes() ? (face.leftEye().get().y + face.rightEye().get().y) / 2
                : face.box().y + face.box().height * DEFAULT_EYE_HEIGHT;
        double crown = (eyeY - a.head().top()) / face.box().height;
        return Results.atMost(rule(), "BAREHEADED", "HEAD_COVERED", crown, a.config().face().maxCrownHeight(),
                "height above eyes / face height", BAREHEADED);
    }
}
