package org.elicence.photoaudit.card;

import java.util.List;

import org.elicence.messaging.events.RuleCheck;

/**
 * The checks of one side, and what they produced: the card rectified to a head-on view (JPEG), the
 * licence portrait cut from a front (JPEG), and the rectified card's perceptual hash. Each is null
 * when the checks did not get that far.
 */
public record CardSideReport(List<RuleCheck> checks, byte[] rectifiedCard, byte[] portrait, Long perceptualHash) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    /** NOT_ASSESSABLE does not fail a side: the rule is checked later (the other side) or by staff. */
    public String verdict() {
        return checks.stream().anyMatch(RuleCheck::failed) ? FAIL : PASS;
    }

    public boolean passed() {
        return PASS.equals(verdict());
    }
}
