package org.elicence.photoaudit.audit.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.elicence.photoaudit.audit.AuditReport;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.Verdict;
import org.elicence.photoaudit.audit.checks.AuditChecks;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Evaluation command: generates the FRL corpus ({@link ViolationGenerator}), audits every case and writes
 * docs/photo-audit-accuracy.md. Arguments: [markdown output (default ../docs/photo-audit-accuracy.md)]
 * [corpus directory (default target/frl-corpus)] [--reuse: audit an already generated corpus].
 */
public final class CorpusEvaluation {

    private CorpusEvaluation() {
    }

    /** The ONE place the engine under test is constructed (defaults of every settings group, no overrides). */
    static PhotoAuditor newAuditor() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder();
        AuditChecks.SETTINGS.forEach(builder::withMapping);
        return new PhotoAuditor(builder.build());
    }

    /** Generates (unless {@code reuse}) and audits the corpus in {@code directory}; returns the figures. */
    public static EvaluationFigures evaluate(Path directory, boolean reuse) throws IOException {
        return evaluate(directory, reuse, EnumSet.allOf(FrlCorpus.Split.class));
    }

    /** The same for the people of {@code splits} only. */
    public static EvaluationFigures evaluate(Path directory, boolean reuse, Set<FrlCorpus.Split> splits)
            throws IOException {
        List<CorpusCase> cases = reuse && Files.exists(directory.resolve("manifest.csv"))
                ? CorpusCase.readManifest(directory) : ViolationGenerator.generate(directory, splits);
        PhotoAuditor auditor = newAuditor();
        List<EvaluationFigures.Outcome> calibration = new ArrayList<>();
        List<EvaluationFigures.Outcome> heldOut = new ArrayList<>();
        for (CorpusCase c : cases) {
            EvaluationFigures.Outcome o = audit(auditor, c, Files.readAllBytes(c.image(directory)));
            (c.split() == FrlCorpus.Split.HELD_OUT ? heldOut : calibration).add(o);
            if ((calibration.size() + heldOut.size()) % 200 == 0) {
                System.err.printf("audited %d of %d%n", calibration.size() + heldOut.size(), cases.size());
            }
        }
        return new EvaluationFigures(EvaluationFigures.score(calibration), EvaluationFigures.score(heldOut));
    }

    /** An exception is recorded as an error and scored as a FAIL with no rule named (it must never happen). */
    static EvaluationFigures.Outcome audit(PhotoAuditor auditor, CorpusCase c, byte[] jpeg) {
        try {
            AuditReport report = auditor.audit(jpeg);
            Set<String> failed = new LinkedHashSet<>();
            Set<String> notAssessable = new LinkedHashSet<>();
            List<String> codes = new ArrayList<>();
            for (CheckResult check : report.checks()) {
                if (check.verdict() == CheckVerdict.FAIL) {
                    failed.add(check.rule());
                    codes.add(check.code());
                } else if (check.verdict() == CheckVerdict.NOT_ASSESSABLE) {
                    notAssessable.add(check.rule());
                }
            }
            notAssessable.removeAll(failed);
            return new EvaluationFigures.Outcome(c, report.verdict() == Verdict.PASS, failed, notAssessable, codes, null);
        } catch (RuntimeException e) {
            return new EvaluationFigures.Outcome(c, false, Set.of(), Set.of(), List.of("EXCEPTION"), e.toString());
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "../docs/photo-audit-accuracy.md");
        Path directory = args.length > 1 ? Path.of(args[1]) : ViolationGenerator.DEFAULT_DIRECTORY;
        boolean reuse = List.of(args).contains("--reuse");
        EvaluationFigures figures = evaluate(directory, reuse);
        String markdown = AccuracyMarkdown.render(figures, FrlCorpus.load());
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, markdown);
        System.out.println(markdown);
    }
}
