package org.elicence.photoaudit.audit.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.elicence.photoaudit.audit.AuditReport;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.TestConfigs;

/**
 * Evaluation command: generates the corpus, audits every entry with the default configuration and writes
 * the per-rule table to docs/photo-audit-accuracy.md (argument 1) — run via the audit-evaluation profile.
 */
public final class PhotoAuditEvaluation {

    private PhotoAuditEvaluation() {
    }

    public static CorpusScore evaluate(Path corpusDirectory) throws IOException {
        PhotoAuditor auditor = new PhotoAuditor(TestConfigs.defaults());
        CorpusScore score = new CorpusScore();
        for (Map.Entry<CorpusGenerator.Entry, Path> e : CorpusGenerator.generate(corpusDirectory).entrySet()) {
            AuditReport report = auditor.audit(Files.readAllBytes(e.getValue()));
            Set<String> rules = new TreeSet<>();
            report.checks().stream().map(CheckResult::rule).forEach(rules::add);
            if (rules.size() == 1) { // refused before analysis: score C1 only
                rules.add("C1");
            }
            score.add(e.getKey(), report, allRules());
        }
        return score;
    }

    static Set<String> allRules() {
        Set<String> rules = new TreeSet<>();
        for (int i = 1; i <= 12; i++) {
            rules.add("R" + i);
        }
        for (int i = 1; i <= 9; i++) {
            rules.add("C" + i);
        }
        return rules;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "../docs/photo-audit-accuracy.md");
        Path corpus = Path.of(args.length > 1 ? args[1] : "target/corpus");
        CorpusScore score = evaluate(corpus);
        String markdown = AccuracyReport.markdown(score, CorpusGenerator.manifest().size());
        Files.writeString(out, markdown);
        System.out.println(markdown);
    }
}
