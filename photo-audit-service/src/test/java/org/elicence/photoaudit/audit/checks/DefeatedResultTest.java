package org.elicence.photoaudit.audit.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.junit.jupiter.api.Test;

/** A FAIL that another rule's fault defeats becomes NOT_ASSESSABLE and keeps what was measured, for the reviewer. */
class DefeatedResultTest {

    private static final Measure DEGREES = new Measure("度", "degrees");
    private static final Guidance BLURRED = new Guidance("照片模糊", "The photo is blurred");

    private final PhotoCheck yaw = new PhotoCheck() {
        @Override
        public String rule() {
            return "R4";
        }

        @Override
        public String name() {
            return "HEAD_YAW";
        }

        @Override
        public boolean requiresFace() {
            return true;
        }

        @Override
        public CheckResult evaluate(PhotoAnalysis analysis) {
            throw new UnsupportedOperationException("not measured here");
        }
    };

    @Test
    void aDefeatedFailIsNotAssessableWithItsMeasurement() {
        CheckResult fail = Results.fail("R4", "HEAD_TURNED", 14.25, "<= 10", DEGREES, new Guidance("请正视镜头", "Look straight"));

        CheckResult defeated = yaw.unlessDefeated(fail, true, BLURRED);

        assertEquals(CheckVerdict.NOT_ASSESSABLE, defeated.verdict());
        assertEquals("HEAD_YAW_NOT_ASSESSABLE", defeated.code());
        assertEquals("R4", defeated.rule());
        assertEquals(14.25, defeated.measured());
        assertEquals("<= 10", defeated.threshold());
        assertEquals(DEGREES, defeated.unit());
        assertEquals(BLURRED, defeated.guidance());
    }

    @Test
    void aPassOrAnUndefeatedFailStaysAsItWas() {
        CheckResult pass = Results.pass("R4", "HEAD_STRAIGHT", 3.0, "<= 10", DEGREES);
        CheckResult fail = Results.fail("R4", "HEAD_TURNED", 14.25, "<= 10", DEGREES, BLURRED);

        assertSame(pass, yaw.unlessDefeated(pass, true, BLURRED));
        assertSame(fail, yaw.unlessDefeated(fail, false, BLURRED));
    }
}
