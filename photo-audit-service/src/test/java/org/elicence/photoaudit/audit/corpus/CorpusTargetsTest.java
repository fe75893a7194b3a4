package org.elicence.photoaudit.audit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The targets on the people kept out of calibration (21 people: their 42 real photos and 576 generated
 * ones; about three minutes). Three targets are met and held strictly: at most 3 % of compliant photos rejected,
 * the right rule named for at least 90 % of violations and every masked face reported as R9. One is not met yet
 * (docs/photo-audit-accuracy.md: violations passed, two of them borderline "hair over ears" labels): the test
 * holds the level reached, so that no change makes it worse unnoticed, and lists what the targets still miss.
 */
class CorpusTargetsTest {

    /** The target, met on the held-out people (2026-11-30): 2 of 81 compliant photos rejected. */
    static final double MAX_COMPLIANT_REJECTED = 0.03;
    /**
     * Level reached on the held-out people (2026-12-01): 2 of 537 violations passed, both borderline "hair over
     * ears" labels (target: none).
     */
    static final double MAX_VIOLATIONS_PASSED = 0.004;

    @Test
    void heldOutPeople() throws Exception {
        EvaluationFigures.SplitFigures heldOut = CorpusEvaluation.evaluate(Path.of("target/frl-corpus-held-out"), false,
                Set.of(FrlCorpus.Split.HELD_OUT)).heldOut();
        assertEquals(List.of(), heldOut.errors(), "no audit may throw");
        assertTrue(heldOut.rightRuleRate() >= 0.90, "right rule named: " + heldOut.rightRuleRate() + " "
                + heldOut.wrongRuleNamed());
        assertEquals(heldOut.maskedCases(), heldOut.maskedAsR9(), "masked faces reported as R9: " + heldOut.maskedNotR9());
        assertTrue(heldOut.maskedCases() >= 18, "masked cases: " + heldOut.maskedCases());
        assertTrue(heldOut.compliantRejectedRate() <= MAX_COMPLIANT_REJECTED, "compliant rejected: "
                + heldOut.compliantRejected());
        assertTrue(heldOut.violationsPassed().size() <= MAX_VIOLATIONS_PASSED * heldOut.violationCases(),
                "violations passed: " + heldOut.violationsPassed());
        System.out.println("held-out targets still missed: " + heldOut.missedTargets());
    }
}
