package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/** A check measured with the applicant's skin colour; not assessable when no skin-like colour was found. */
abstract class SkinBasedCheck extends BaseCheck {

    private static final Guidance NO_SKIN = new Guidance("无法识别肤色（照片偏色、黑白或脸部被遮挡），将由人工审核",
            "Skin colour could not be identified (colour cast, black-and-white or covered face); a reviewer will check this");

    SkinBasedCheck(String rule, String name) {
        super(rule, name, true);
    }

    @Override
    public final CheckResult evaluate(PhotoAnalysis a) {
        return a.skin().plausible() ? evaluateWithSkin(a) : notAssessable(NO_SKIN);
    }

    abstract CheckResult evaluateWithSkin(PhotoAnalysis a);
}
