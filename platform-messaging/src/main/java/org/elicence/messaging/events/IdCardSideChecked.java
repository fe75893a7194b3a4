package org.elicence.messaging.events;

import java.util.List;

/** The automatic checks on one uploaded ID-card side, before any person sees it. */
public record IdCardSideChecked(String applicationId, String uploadId, IdCardSide side, String verdict,
        List<RuleCheck> checks) implements KeyedByApplication {

    public boolean passed() {
        return RuleCheck.PASS.equals(verdict);
    }
}
