package org.elicence.idcard.service;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardSideRead;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.messaging.inbox.PoisonEventException;

/**
 * What a reading in which nothing failed must hold before its side counts as passed (zero trust: a reading missing a
 * check would otherwise pass by leaving it out, and one without its card would open a case staff cannot see): the
 * rules photo-audit-service judges on every side it found a card on (docs/idcard.md; ID15 is idcard-service's, and
 * INPUT is reported only when it fails), the rectified card, and its perceptual hash (without it ID15, the sides
 * compared, could not fail). A front may pass without a licence portrait (the audit's perception found no single
 * face in the card's photo): staff then cannot approve it (NO_PORTRAIT).
 */
final class CardReadingCompleteness {

    private static final List<String> BOTH_SIDES = List.of("ID1", "ID2", "ID3", "ID4", "ID5", "ID6", "ID7", "ID8");
    private static final List<String> FRONT = List.of("ID9", "ID10", "ID11", "ID12", "ID13", "ID16", "ID17", "ID18",
            "ID19", "ID20");
    private static final List<String> BACK = List.of("ID14", "ID21");

    private CardReadingCompleteness() {
    }

    /** @throws PoisonEventException when nothing in {@code read} failed and a rule, the card or its hash is missing */
    static void requireWholeUnlessFailed(IdCardSideRead read) {
        if (read.checks().stream().anyMatch(RuleCheck::failed)) {
            return;
        }
        Set<String> missing = new TreeSet<>(BOTH_SIDES);
        missing.addAll(read.side() == IdCardSide.FRONT ? FRONT : BACK);
        read.checks().forEach(check -> missing.remove(check.rule()));
        if (!missing.isEmpty()) {
            throw new PoisonEventException("the reading of upload " + read.uploadId() + " fails nothing but judges "
                    + "no " + String.join(", ", missing));
        }
        if (read.rectifiedCard() == null || read.perceptualHash() == null) {
            throw new PoisonEventException("the reading of upload " + read.uploadId() + " fails nothing but carries"
                    + " no " + (read.rectifiedCard() == null ? "rectified card" : "perceptual hash"));
        }
    }
}
