package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictPolicyTest {

    private final VerdictPolicy policy = new VerdictPolicy();

    private static CheckResult result(String rule, String code, CheckVerdict verdict) {
        return new CheckResult(rule, code, verdict, null, null, null, null);
    }

    @Test
    void passesOnlyWhenEveryRuleWasVerified() {
        assertEquals(Verdict.PASS, policy.decide(List.of(result("R1", "EVEN_LIGHTING", CheckVerdict.PASS),
                result("R11", "NO_ACCESSORIES", CheckVerdict.PASS))));
        assertEquals(Verdict.FAIL, policy.decide(List.of(result("R1", "EVEN_LIGHTING", CheckVerdict.PASS),
                result("R3", "SHOULDERS_TILTED", CheckVerdict.FAIL))));
    }

    @Test
    void whatCouldNotBeVerifiedIsNeverAcceptedSilently() {
        assertEquals(Verdict.FAIL, policy.decide(List.of(result("R1", "EVEN_LIGHTING", CheckVerdict.PASS),
                result("R8", "CLOTHING_NOT_ASSESSABLE", CheckVerdict.NOT_ASSESSABLE))));
    }

    @Test
    void aRuleTheOperatorSwitchedOffDoesNotBlock() {
        assertEquals(Verdict.PASS, policy.decide(List.of(result("R1", "EVEN_LIGHTING", CheckVerdict.PASS),
                result("R7", "RULE_DISABLED", CheckVerdict.NOT_ASSESSABLE))));
    }
}
