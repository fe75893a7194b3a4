package org.elicence.photoaudit.audit.decode;

import org.elicence.photoaudit.audit.CheckResult;

/** Either a decoded image or the reason it was refused (always a FAIL result, never an exception). */
public sealed interface DecodeOutcome {

    record Decoded(DecodedImage image) implements DecodeOutcome {
    }

    record Refused(CheckResult reason) implements DecodeOutcome {
    }
}
