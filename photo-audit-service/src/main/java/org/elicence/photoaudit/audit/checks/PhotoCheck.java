package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/** One rule measurement. Implementations are stateless and thread-safe. */
public interface PhotoCheck {

    Guidance NEEDS_ONE_FACE = new Guidance("需要照片中恰好有一张清晰的正面人脸才能检查此项",
            "This needs exactly one clearly visible face looking at the camera");

    Guidance EYES_NOT_LOCATED = new Guidance("未能定位双眼：请正视镜头，确保双眼清晰可见",
            "Both eyes could not be located: look straight at the camera with both eyes clearly visible");

    /** Spec rule, R1..R12 or C1..C9. */
    String rule();

    /** Stable name; NOT_ASSESSABLE results use the code {@code name() + "_NOT_ASSESSABLE"}. */
    String name();

    /** Checks that measure the face run only when exactly one face was found. */
    boolean requiresFace();

    CheckResult evaluate(PhotoAnalysis analysis);

    default CheckResult notAssessable(Guidance why) {
        return Results.notAssessable(rule(), name() + "_NOT_ASSESSABLE", why);
    }

    /**
     * {@code result}, unless it is a FAIL that another rule's fault defeats ({@code defeated}: that rule's decision;
     * the other rule reports the fault): then NOT_ASSESSABLE with {@code why}, judged again on the retake. One fault
     * gets one reason, the one whose fix is right. {@code defeated} is read on every photo, so it must be a decision
     * its own rule makes anyway (computed once in {@code PhotoAnalysis}), not new work. The measurement stays with the
     * result, so staff who review the photo see what was measured and against which threshold.
     */
    default CheckResult unlessDefeated(CheckResult result, boolean defeated, Guidance why) {
        return result.verdict() == CheckVerdict.FAIL && defeated
                ? Results.notAssessable(result, name() + "_NOT_ASSESSABLE", why)
                : result;
    }
}
