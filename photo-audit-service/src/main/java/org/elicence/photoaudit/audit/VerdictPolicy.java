package org.elicence.photoaudit.audit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Overall verdict: PASS iff no check FAILed and no check of a MANDATORY rule is NOT_ASSESSABLE. A
 * NOT_ASSESSABLE result of a non-mandatory rule (R11 accessories, for instance) does not block, but it is
 * in the report so a reviewer sees what the machine did not verify.
 */
public final class VerdictPolicy {

    private final Set<String> mandatoryRules;

    public VerdictPolicy(List<String> mandatoryRules) {
        this.mandatoryRules = mandatoryRules.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
    }

    public Verdict decide(List<CheckResult> results) {
        for (CheckResult r : results) {
            if (r.verdict() == CheckVerdict.FAIL
                    || r.verdict() == CheckVerdict.NOT_ASSESSABLE && mandatoryRules.contains(r.rule())) {
                return Verdict.FAIL;
            }
        }
        return Verdict.PASS;
    }
}
