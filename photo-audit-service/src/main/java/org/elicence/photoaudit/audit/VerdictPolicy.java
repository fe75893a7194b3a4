package org.elicence.photoaudit.audit;

import java.util.List;

import org.elicence.messaging.events.PhotoAudited;

/**
 * Overall verdict: PASS only when every check verified its rule (PASS). A FAIL fails the photo; so does a
 * NOT_ASSESSABLE, because what the machine could not verify is never accepted silently. A rule the operator
 * switched off (RULE_DISABLED) does not block.
 */
public final class VerdictPolicy {

    public Verdict decide(List<CheckResult> results) {
        for (CheckResult r : results) {
            if (r.verdict() == CheckVerdict.FAIL
                    || r.verdict() == CheckVerdict.NOT_ASSESSABLE && !PhotoAudited.RULE_DISABLED.equals(r.code())) {
                return Verdict.FAIL;
            }
        }
        return Verdict.PASS;
    }
}
