package org.elicence.photoaudit.audit.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The numbers of one evaluation run, per split. Positive = "the rule FAILs"; a rule FAILs when any of its
 * checks FAILs. Rules in a case's alsoAllowed are not scored for that case. NOT_ASSESSABLE is not a FAIL
 * (it is counted separately: it sends the photo to staff review).
 */
public record EvaluationFigures(SplitFigures calibration, SplitFigures heldOut) {

    public static final List<String> RULES = List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10",
            "R11", "R12", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9");

    /** Confusion counts of one rule. */
    public record RuleCounts(int tp, int fp, int tn, int fn) {
        public double precision() {
            return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
        }
    }

    /** Real labelled photos of one sex or origin group. */
    public record GroupFigures(int compliant, int compliantRejected, int violations, int violationsDetected,
            int rightRuleNamed) {
    }

    /** The figures of one split. Id lists name the corpus cases. */
    public record SplitFigures(int cases, int compliantCases, List<String> compliantRejected,
            Map<String, List<String>> rejectedByCode, int violationCases, List<String> violationsPassed,
            int rightRuleNamed, List<String> wrongRuleNamed, Map<String, RuleCounts> byRule,
            Map<String, Integer> notAssessableByRule, int maskedCases, int maskedAsR9, List<String> maskedNotR9,
            Map<String, GroupFigures> bySex, Map<String, GroupFigures> byOrigin, List<String> errors) {

        public double compliantRejectedRate() {
            return compliantCases == 0 ? 0 : compliantRejected.size() / (double) compliantCases;
        }

        public double rightRuleRate() {
            return violationCases == 0 ? 1 : rightRuleNamed / (double) violationCases;
        }

        /** The targets that this split misses (empty: all met). */
        public List<String> missedTargets() {
            List<String> missed = new ArrayList<>();
            if (compliantRejectedRate() > 0.03) {
                missed.add(String.format("compliant rejected %.1f %% > 3 %%", 100 * compliantRejectedRate()));
            }
            if (!violationsPassed.isEmpty()) {
                missed.add(violationsPassed.size() + " violations PASSed");
            }
            if (rightRuleRate() < 0.9) {
                missed.add(String.format("right rule named for %.1f %% < 90 %%", 100 * rightRuleRate()));
            }
            if (maskedAsR9 < maskedCases) {
                missed.add((maskedCases - maskedAsR9) + " of " + maskedCases + " masked faces not reported as R9");
            }
            return missed;
        }
    }

    /** What the auditor said about one case. */
    public record Outcome(CorpusCase corpusCase, boolean pass, Set<String> failedRules, Set<String> notAssessableRules,
            List<String> failedCodes, String error) {
    }

    static SplitFigures score(List<Outcome> outcomes) {
        List<String> rejected = new ArrayList<>();
        Map<String, List<String>> byCode = new TreeMap<>();
        List<String> passed = new ArrayList<>();
        List<String> wrongRule = new ArrayList<>();
        List<String> maskedNotR9 = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int compliant = 0;
        int violations = 0;
        int right = 0;
        int masked = 0;
        int maskedR9 = 0;
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Integer> notAssessable = new TreeMap<>();
        for (Outcome o : outcomes) {
            CorpusCase c = o.corpusCase();
            if (o.error() != null) {
                errors.add(c.id() + ": " + o.error());
            }
            if (c.compliant()) {
                compliant++;
                if (!o.pass()) {
                    rejected.add(c.id());
                    o.failedCodes().forEach(code -> byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(c.id()));
                }
            } else {
                violations++;
                if (o.pass()) {
                    passed.add(c.id());
                }
                if (c.expectedFail().stream().anyMatch(o.failedRules()::contains)) {
                    right++;
                } else {
                    wrongRule.add(c.id() + " (expected " + String.join(";", c.expectedFail()) + ", failed "
                            + String.join(";", o.failedCodes()) + ")");
                }
            }
            if (c.family().equals("mask")) {
                masked++;
                if (o.failedRules().contains("R9")) {
                    maskedR9++;
                } else {
                    maskedNotR9.add(c.id() + " (" + String.join(";", o.failedCodes()) + ")");
                }
            }
            for (String rule : RULES) {
                o.notAssessableRules().stream().filter(rule::equals).forEach(r -> notAssessable.merge(r, 1, Integer::sum));
                if (c.alsoAllowed().contains(rule)) {
                    continue;
                }
                boolean expected = c.expectedFail().contains(rule);
                boolean actual = o.failedRules().contains(rule);
                int[] k = counts.computeIfAbsent(rule, r -> new int[4]);
                k[expected ? (actual ? 0 : 3) : (actual ? 1 : 2)]++;
            }
        }
        Map<String, RuleCounts> byRule = new TreeMap<>((a, b) -> RULES.indexOf(a) - RULES.indexOf(b));
        counts.forEach((r, k) -> byRule.put(r, new RuleCounts(k[0], k[1], k[2], k[3])));
        List<Outcome> real = outcomes.stream().filter(o -> o.corpusCase().real()).toList();
        return new SplitFigures(outcomes.size(), compliant, rejected, byCode, violations, passed, right, wrongRule,
                byRule, notAssessable, masked, maskedR9, maskedNotR9, groups(real, true), groups(real, false), errors);
    }

    private static Map<String, GroupFigures> groups(List<Outcome> real, boolean bySex) {
        Map<String, int[]> g = new TreeMap<>();
        for (Outcome o : real) {
            CorpusCase c = o.corpusCase();
            int[] k = g.computeIfAbsent(bySex ? c.sex() : c.origin(), x -> new int[5]);
            if (c.compliant()) {
                k[0]++;
                k[1] += o.pass() ? 0 : 1;
            } else {
                k[2]++;
                k[3] += o.pass() ? 0 : 1;
                k[4] += c.expectedFail().stream().anyMatch(o.failedRules()::contains) ? 1 : 0;
            }
        }
        Map<String, GroupFigures> out = new TreeMap<>();
        g.forEach((name, k) -> out.put(name, new GroupFigures(k[0], k[1], k[2], k[3], k[4])));
        return out;
    }
}
