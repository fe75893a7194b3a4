package org.elicence.photoaudit.audit.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.elicence.photoaudit.audit.AuditReport;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;

/**
 * Per-rule confusion counts. Positive = "the rule FAILs". A rule FAILs when any of its checks FAILs;
 * NOT_ASSESSABLE counts as not failing (it never passes silently, but it is not a detection either).
 */
public final class CorpusScore {

    /** Confusion counts of one rule. */
    public static final class Counts {
        int tp;
        int fp;
        int tn;
        int fn;

        double precision() {
            return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
        }
    }

    private final Map<String, Counts> byRule = new TreeMap<>(CorpusScore::compareRules);
    private final List<String> mismatches = new ArrayList<>();

    public static Set<String> failedRules(AuditReport report) {
        return report.checks().stream().filter(c -> c.verdict() == CheckVerdict.FAIL).map(CheckResult::rule)
                .collect(Collectors.toSet());
    }

    public void add(CorpusGenerator.Entry entry, AuditReport report, Set<String> allRules) {
        Set<String> failed = failedRules(report);
        for (String rule : allRules) {
            if (entry.ignored().contains(rule)) {
                continue;
            }
            boolean expected = entry.expectedFail().contains(rule);
            boolean actual = failed.contains(rule);
            Counts c = byRule.computeIfAbsent(rule, r -> new Counts());
            if (expected && actual) {
                c.tp++;
            } else if (!expected && !actual) {
                c.tn++;
            } else if (actual) {
                c.fp++;
                mismatches.add(entry.id() + ": " + rule + " failed but was expected not to (" + codes(report, rule) + ")");
            } else {
                c.fn++;
                mismatches.add(entry.id() + ": " + rule + " expected to fail but " + codes(report, rule));
            }
        }
    }

    private static String codes(AuditReport report, String rule) {
        return report.checks().stream().filter(c -> c.rule().equals(rule))
                .map(c -> c.code() + "=" + c.measured()).collect(Collectors.joining(", "));
    }

    public Map<String, Counts> byRule() {
        return byRule;
    }

    public List<String> mismatches() {
        return mismatches;
    }

    static int compareRules(String a, String b) {
        int kind = Character.compare(b.charAt(0), a.charAt(0)); // R before C
        return kind != 0 ? kind : Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
    }
}
