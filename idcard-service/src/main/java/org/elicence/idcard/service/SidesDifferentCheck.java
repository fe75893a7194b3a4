package org.elicence.idcard.service;

import org.elicence.idcard.config.CardSidesConfig;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * ID15: front and back must be two different pictures. photo-audit-service reads each side alone and reports its
 * perceptual hash (DCT, 64 bits: the same picture re-encoded or rescaled within a few bits, different pictures about
 * 32 apart); this service, which holds both sides, compares a side's hash with that of the latest other side read.
 * The side read first has nothing to compare with yet (NOT_ASSESSABLE); the side read second is compared with it.
 */
@ApplicationScoped
public class SidesDifferentCheck {

    static final String RULE = "ID15";
    static final String CODE = "SIDES_DIFFERENT";
    private static final LocalizedText BITS_DIFFERING = new LocalizedText("64 位图像指纹中不同的位数", "bits of 64 differ");
    private static final LocalizedText DIFFERENT = new LocalizedText("正反面是两张不同的照片。",
            "Front and back are different pictures.");
    private static final LocalizedText SAME = new LocalizedText("正面和反面是同一张照片。请分别拍摄身份证的两面。",
            "The front and back are the same picture. Photograph each side of the card.");
    private static final LocalizedText OTHER_SIDE_MISSING = new LocalizedText("另一面尚未上传，上传后再比较。",
            "Compared once the other side is uploaded.");
    private static final LocalizedText NO_CARD = new LocalizedText("未找到身份证，无法检查此项。",
            "Not checked: no card was found.");

    private final int maxSameImageHashDistance;

    @Inject
    public SidesDifferentCheck(CardSidesConfig config) {
        this.maxSameImageHashDistance = config.maxSameImageHashDistance();
    }

    /**
     * @param hash this side's hash, null when its reading found no card
     * @param otherSideHash the latest other side's, null when none was read with a card
     */
    public RuleCheck judge(Long hash, Long otherSideHash) {
        if (hash == null) {
            return notAssessable(NO_CARD);
        }
        if (otherSideHash == null) {
            return notAssessable(OTHER_SIDE_MISSING);
        }
        int distance = Long.bitCount(hash ^ otherSideHash);
        boolean different = distance > maxSameImageHashDistance;
        return new RuleCheck(RULE, CODE, different ? RuleCheck.PASS : RuleCheck.FAIL, (double) distance,
                "> " + maxSameImageHashDistance, BITS_DIFFERING, different ? DIFFERENT : SAME);
    }

    private static RuleCheck notAssessable(LocalizedText because) {
        return new RuleCheck(RULE, CODE, RuleCheck.NOT_ASSESSABLE, null, null, null, because);
    }
}
