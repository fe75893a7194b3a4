package org.elicence.messaging.events;

import java.time.Instant;

/**
 * An application was closed before any licence was decided: the applicant withdrew it, or it waited for the applicant
 * (a new photo, the ID card) longer than application-service keeps an application open. Nothing more is issued for
 * it: the licence issuer issues nothing from a later approval of it, and idcard-service closes its pending card
 * review so that no one reviews it. Published by application-service on {@code applications}.
 *
 * @param reason {@link #BY_APPLICANT} or {@link #ABANDONED}
 */
public record ApplicationWithdrawn(String applicationId, String applicantId, String reason, Instant withdrawnAt)
        implements KeyedByApplication {

    /** The applicant withdrew it ({@code POST /api/v1/applications/{id}/withdrawal}). */
    public static final String BY_APPLICANT = "BY_APPLICANT";
    /** It waited for the applicant longer than {@code applications.abandoned-after}. */
    public static final String ABANDONED = "ABANDONED";

    @Override
    public String toString() {
        return "ApplicationWithdrawn[application=" + applicationId + ", reason=" + reason + "]";
    }
}
