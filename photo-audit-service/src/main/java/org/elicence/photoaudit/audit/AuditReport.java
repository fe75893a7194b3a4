package org.elicence.photoaudit.audit;

import java.util.List;
import java.util.Optional;

/**
 * Outcome of auditing one photo. The licence portrait is present when no check FAILed (on a PASS, and when the
 * only obstacles are NOT_ASSESSABLE rules: the photo then goes to staff review, who may approve it), and for a failed
 * photo whose face was framed unless C2, C3 or C7 failed (a review the applicant asks for may approve it).
 * The annotated JPEG is always present (for an undecodable upload it is a small placeholder image).
 */
public record AuditReport(Verdict verdict, List<CheckResult> checks,
        Optional<byte[]> licencePortraitJpeg, byte[] annotatedJpeg, long durationMillis) {

    public AuditReport {
        checks = List.copyOf(checks);
    }
}
