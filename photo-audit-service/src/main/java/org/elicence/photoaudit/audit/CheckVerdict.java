package org.elicence.photoaudit.audit;

/** Outcome of one check. NOT_ASSESSABLE is never treated as a silent pass: see {@link VerdictPolicy}. */
public enum CheckVerdict {
    PASS, FAIL, NOT_ASSESSABLE
}
