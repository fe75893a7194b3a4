package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;

/** Builds check results so that every check formats thresholds and rounding the same way. */
public final class Results {

    public static final Guidance MEETS_REQUIREMENT = new Guidance("符合要求", "Meets the requirement");

    private Results() {
    }

    public static CheckResult pass(String rule, String code, Double measured, String threshold, Measure unit) {
        return new CheckResult(rule, code, CheckVerdict.PASS, round(measured), threshold, unit, MEETS_REQUIREMENT);
    }

    public static CheckResult fail(String rule, String code, Double measured, String threshold, Measure unit,
            Guidance guidance) {
        return new CheckResult(rule, code, CheckVerdict.FAIL, round(measured), threshold, unit, guidance);
    }

    public static CheckResult notAssessable(String rule, String code, Guidance guidance) {
        return new CheckResult(rule, code, CheckVerdict.NOT_ASSESSABLE, null, null, null, guidance);
    }

    /** NOT_ASSESSABLE in place of {@code measured}'s verdict, keeping what it measured against which threshold. */
    public static CheckResult notAssessable(CheckResult measured, String code, Guidance guidance) {
        return new CheckResult(measured.rule(), code, CheckVerdict.NOT_ASSESSABLE, measured.measured(),
                measured.threshold(), measured.unit(), guidance);
    }

    /** PASS when {@code measured <= max}, otherwise FAIL with the given code and guidance. */
    public static CheckResult atMost(String rule, String passCode, String failCode, double measured, double max,
            Measure unit, Guidance guidance) {
        return measured <= max ? pass(rule, passCode, measured, "<= " + fmt(max), unit)
                : fail(rule, failCode, measured, "<= " + fmt(max), unit, guidance);
    }

    /** PASS when {@code measured >= min}, otherwise FAIL with the given code and guidance. */
    public static CheckResult atLeast(String rule, String passCode, String failCode, double measured, double min,
            Measure unit, Guidance guidance) {
        return measured >= min ? pass(rule, passCode, measured, ">= " + fmt(min), unit)
                : fail(rule, failCode, measured, ">= " + fmt(min), unit, guidance);
    }

    public static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(round(value));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000.0) / 1000.0;
    }
}
