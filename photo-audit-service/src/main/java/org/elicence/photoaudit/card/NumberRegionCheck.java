package org.elicence.photoaudit.card;

import org.elicence.messaging.events.RuleCheck;

/** ID18: the number read starts with a known province (GB/T 2260) and a county-level code. */
final class NumberRegionCheck {

    private NumberRegionCheck() {
    }

    static RuleCheck check(String read) {
        return IdCardRule.ID18.judge(ResidentIdNumber.hasPlausibleRegion(read));
    }
}
