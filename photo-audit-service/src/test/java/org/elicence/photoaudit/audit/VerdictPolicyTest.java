package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.elicence.messaging.events.PhotoAudited;
import org.elicence.photoaudit.audit.checks.AuditChecks;
import org.elicence.photoaudit.audit.checks.PhotoCheck;
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

    /**
     * The audit checks every rule its consumers expect of a PASS (application-service and the issuer refuse a PASS
     * that leaves one out, {@link PhotoAudited#passBorneOutByChecks}), and no other: the {@code IMAGE} check of a photo
     * that cannot be decoded is no check of the pipeline.
     */
    @Test
    void theAuditChecksEveryRuleAPassMustCarry() {
        Set<String> checked = AuditChecks.create(TestConfigs.defaults()).stream().map(PhotoCheck::rule)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(PhotoAudited.AUDITED_RULES), checked);
    }
}
