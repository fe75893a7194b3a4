package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictPolicyTest {

    private static CheckResult result(String rule, CheckVerdict verdict) {
        return new CheckResult(rule, rule + "_X", verdict, null, null, null, new Guidance("", ""));
    }

    private final VerdictPolicy policy = new VerdictPolicy(List.of("C1", "R2"));

    @Test
    void passOnlyWithoutFailures() {
        assertEquals(Verdict.PASS, policy.decide(List.of(result("C1", CheckVerdict.PASS), result("R11", CheckVerdict.PASS))));
        assertEquals(Verdict.FAIL, policy.decide(List.of(result("C1", CheckVerdict.PASS), result("R11", CheckVerdict.FAIL))));
    }

    @Test
    void notAssessableBlocksOnlyMandatoryRules() {
        assertEquals(Verdict.FAIL, policy.decide(List.of(result("R2", CheckVerdict.NOT_ASSESSABLE))));
        assertEquals(Verdict.PASS, policy.decide(List.of(result("R11", CheckVerdict.NOT_ASSESSABLE))));
    }
}
