package org.elicence.photoaudit.audit;

/**
 * Result of one check.
 *
 * @param rule      rule of the product spec (R1..R12, C1..C9) or IMAGE for decoding problems
 * @param code      stable reason code (also for PASS, e.g. BACKGROUND_WHITE); listed in docs/photo-audit.md
 * @param measured  measured value in {@code unit}, null when nothing could be measured
 * @param threshold human-readable threshold the measurement was compared with
 * @param unit      what was measured, in both languages
 */
public record CheckResult(String rule, String code, CheckVerdict verdict, Double measured,
        String threshold, Measure unit, Guidance guidance) {
}
