package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * R11: earrings, necklaces and hair ornaments are small objects our cascades and colour statistics cannot
 * tell apart from hair, collars or buttons without a trained detector. Reported as NOT_ASSESSABLE so a
 * reviewer checks it; it never passes silently.
 */
public final class AccessoriesCheck extends BaseCheck {

    private static final Guidance REVIEW = new Guidance("请勿佩戴耳环、项链、发饰等饰品（此项由人工审核）",
            "Do not wear earrings, necklaces or hair ornaments (a reviewer checks this)");

    public AccessoriesCheck() {
        super("R11", "ACCESSORIES", false);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        return notAssessable(REVIEW);
    }
}
