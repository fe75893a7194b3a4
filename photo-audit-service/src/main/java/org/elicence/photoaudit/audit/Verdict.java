package org.elicence.photoaudit.audit;

/** Overall outcome of a photo audit. */
public enum Verdict {
    PASS, FAIL
}
