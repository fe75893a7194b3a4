package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.elicence.photoaudit.audit.tools.CorpusGenerator;
import org.elicence.photoaudit.audit.tools.CorpusScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus photo (real photographs and generated violations, see corpus/manifest.csv) must fail
 * exactly the rules the manifest expects, except the (photo, rule) pairs listed with a reason in
 * corpus/known-gaps.csv, which are the documented limitations of docs/photo-audit-accuracy.md.
 */
class CorpusVerdictsTest {

    private static PhotoAuditor auditor;
    private static Map<CorpusGenerator.Entry, Path> corpus;
    private static Set<String> knownGaps;

    @BeforeAll
    static void generate() throws Exception {
        auditor = new PhotoAuditor(TestConfigs.defaults());
        corpus = CorpusGenerator.generate(Path.of("target/corpus"));
        String gaps = new String(CorpusVerdictsTest.class.getResourceAsStream("/corpus/known-gaps.csv").readAllBytes());
        knownGaps = gaps.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("id,"))
                .map(l -> l.split(",")[0].trim() + "/" + l.split(",")[1].trim()).collect(Collectors.toSet());
    }

    static Stream<String> ids() {
        return CorpusGenerator.manifest().stream().map(CorpusGenerator.Entry::id);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void rulesFailExactlyAsTheManifestExpects(String id) throws Exception {
        CorpusGenerator.Entry entry = corpus.keySet().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        AuditReport report = auditor.audit(Files.readAllBytes(corpus.get(entry)));
        Set<String> failed = CorpusScore.failedRules(report);
        for (int i = 1; i <= 21; i++) {
            String rule = i <= 12 ? "R" + i : "C" + (i - 12);
            if (entry.ignored().contains(rule) || knownGaps.contains(id + "/" + rule)) {
                continue;
            }
            assertEquals(entry.expectedFail().contains(rule), failed.contains(rule), id + " " + rule + ": "
                    + report.checks().stream().filter(c -> c.rule().equals(rule)).toList());
        }
        if (!entry.expectedFail().isEmpty()) {
            assertEquals(Verdict.FAIL, report.verdict(), id);
        }
    }

    @Test
    void knownGapsAreFewAndReal() {
        assertTrue(knownGaps.size() <= 60, "known gaps: " + knownGaps.size());
        List<String> ids = CorpusGenerator.manifest().stream().map(CorpusGenerator.Entry::id).toList();
        knownGaps.forEach(gap -> assertTrue(ids.contains(gap.split("/")[0]), "unknown corpus id in known gap " + gap));
    }
}
