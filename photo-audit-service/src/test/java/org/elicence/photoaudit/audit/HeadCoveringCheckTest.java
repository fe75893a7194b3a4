package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.elicence.photoaudit.audit.tools.CorpusGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R5 on the corpus: coloured coverings FAIL, natural hair colours PASS, black, grey and white crowns (hair or
 * a dark/grey covering alike) are NOT_ASSESSABLE and do not block the photo (R5 is not mandatory).
 */
class HeadCoveringCheckTest {

    private static PhotoAuditor auditor;
    private static Map<String, Path> corpus;

    @BeforeAll
    static void generate() {
        auditor = new PhotoAuditor(TestConfigs.defaults());
        corpus = new java.util.HashMap<>();
        CorpusGenerator.generate(Path.of("target/corpus-r5")).forEach((entry, file) -> corpus.put(entry.id(), file));
    }

    private static CheckResult r5(String id) throws Exception {
        AuditReport report = auditor.audit(Files.readAllBytes(corpus.get(id)));
        return report.checks().stream().filter(c -> c.rule().equals("R5")).findFirst().orElseThrow();
    }

    @Test
    void colouredCoveringsAreReported() throws Exception {
        for (String id : new String[] {"collins_cap_red", "collins_headscarf_blue"}) {
            CheckResult r = r5(id);
            assertEquals(CheckVerdict.FAIL, r.verdict(), id + " " + r);
            assertEquals("HEAD_COVERED", r.code());
            assertTrue(r.measured() > 0.35, id + " " + r);
            assertTrue(r.guidance().en().contains("hat"));
        }
    }

    @Test
    void naturalHairColoursAreBareheaded() throws Exception {
        for (String id : new String[] {"collins_as_is", "collins_red_hair", "collins_mirrored", "collins_wall_blue"}) {
            CheckResult r = r5(id);
            assertEquals("BAREHEADED", r.code(), id + " " + r);
            assertEquals(CheckVerdict.PASS, r.verdict());
        }
    }

    @Test
    void neutralCrownsGoToAReviewerWithoutBlocking() throws Exception {
        // Hopper's navy cap, a grey beanie and the greyscale photo: colour cannot separate them from black or
        // grey hair. The blue cast of hopper_blue_cast is removed with the white wall's tint first.
        for (String id : new String[] {"hopper_as_is", "hopper_blue_cast", "collins_beanie_grey", "collins_greyscale"}) {
            CheckResult r = r5(id);
            assertEquals(CheckVerdict.NOT_ASSESSABLE, r.verdict(), id + " " + r);
            assertEquals("HEAD_COVERING_NOT_ASSESSABLE", r.code());
        }
        assertTrue(!TestConfigs.defaults().verdict().mandatoryRules().contains("R5"));
    }

    @Test
    void theHairHueRangeIsConfiguration() throws Exception {
        // the red cap's crown is red-orange (hue about 30 degrees, chroma above 60): with the hair hues widened to
        // all hues and the chroma ceiling raised, nothing is "non-hair" any more and the cap is taken as hair
        PhotoAuditor permissive = new PhotoAuditor(TestConfigs.with(Map.of("photo-audit.face.hair-min-hue", "0",
                "photo-audit.face.hair-max-hue", "360", "photo-audit.face.hair-max-chroma", "200")));
        AuditReport report = permissive.audit(Files.readAllBytes(corpus.get("collins_cap_red")));
        CheckResult r = report.checks().stream().filter(c -> c.rule().equals("R5")).findFirst().orElseThrow();
        assertEquals("BAREHEADED", r.code(), r.toString());
    }
}
