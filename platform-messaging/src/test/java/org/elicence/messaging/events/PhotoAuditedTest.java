package org.elicence.messaging.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When a PASS is borne out by its checks, which application-service and the issuer require before acting on it. */
class PhotoAuditedTest {

    @Test
    void aPassWithEveryRulePassedIsBorneOut() {
        assertTrue(pass(checks(RuleCheck.PASS)).passBorneOutByChecks());
    }

    @Test
    void aRuleTheOperatorSwitchedOffDoesNotContradictAPass() {
        List<RuleCheck> checks = checks(RuleCheck.PASS);
        checks.set(6, new RuleCheck("R7", PhotoAudited.RULE_DISABLED, RuleCheck.NOT_ASSESSABLE, null, null, null,
                null));
        assertTrue(pass(checks).passBorneOutByChecks());
    }

    @Test
    void aPassWithAFailedOrUnassessedCheckOrARuleLeftOutIsNotBorneOut() {
        List<RuleCheck> failed = checks(RuleCheck.PASS);
        failed.set(0, check("R1", RuleCheck.FAIL));
        assertFalse(pass(failed).passBorneOutByChecks());

        List<RuleCheck> unassessed = checks(RuleCheck.PASS);
        unassessed.set(4, check("R5", RuleCheck.NOT_ASSESSABLE));
        assertFalse(pass(unassessed).passBorneOutByChecks());

        List<RuleCheck> leftOut = checks(RuleCheck.PASS);
        leftOut.remove(11);
        assertFalse(pass(leftOut).passBorneOutByChecks(), "R12 is missing");
        assertFalse(pass(List.of(check("C1", RuleCheck.PASS))).passBorneOutByChecks(), "one check is not an audit");
    }

    @Test
    void aFailIsNeverBorneOutAsAPass() {
        PhotoAudited fail = new PhotoAudited("a", "p", "ph", PhotoSource.APPLICANT_UPLOAD, PhotoAudited.FAIL,
                checks(RuleCheck.PASS), null, null, Instant.EPOCH, 1);
        assertFalse(fail.passBorneOutByChecks());
    }

    private static PhotoAudited pass(List<RuleCheck> checks) {
        return new PhotoAudited("a", "p", "ph", PhotoSource.APPLICANT_UPLOAD, PhotoAudited.PASS, checks, null, null,
                Instant.EPOCH, 1);
    }

    private static List<RuleCheck> checks(String verdict) {
        List<RuleCheck> checks = new ArrayList<>();
        PhotoAudited.AUDITED_RULES.forEach(rule -> checks.add(check(rule, verdict)));
        return checks;
    }

    private static RuleCheck check(String rule, String verdict) {
        return new RuleCheck(rule, rule + "_CODE", verdict, null, null, null, null);
    }
}
