package org.elicence.photoaudit.audit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The targets on the held-out people. Opt-in (it generates ~2000 images and audits them, minutes of
 * CPU): {@code -Dphoto-audit.corpus-targets=true}.
 */
@EnabledIfSystemProperty(named = "photo-audit.corpus-targets", matches = "true")
class CorpusTargetsTest {

    @Test
    void heldOutPeopleMeetTheTargets() throws Exception {
        EvaluationFigures figures = CorpusEvaluation.evaluate(Path.of("target/frl-corpus"), false);
        assertEquals(List.of(), figures.heldOut().missedTargets());
    }
}
