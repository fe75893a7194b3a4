package org.elicence.application.domain;

/**
 * What staff's record (the cases heard on {@code idcard-review-cases}) shows of an application's ID-card review, for
 * the held-applications sweep: whether any case is pending, and how the case that put the application under review
 * was closed, if it was closed longer ago than an event takes to arrive ({@code null} otherwise).
 */
public record StaffCardRecord(boolean casePending, String currentCaseClosedAs) {

    /** Nothing in staff's record: no case pending, none closed. */
    public static final StaffCardRecord NONE = new StaffCardRecord(false, null);
}
