package org.elicence.application.domain;

import java.time.Instant;

/**
 * One entry of an application's status history (issue 12): the status it moved to, what the applicant was asked
 * to do next, and when. Staff read it in the operators' record; the applicant's view shows only the current status.
 */
public record StatusChange(ApplicationStatus status, NextAction nextAction, Instant at) {
}
