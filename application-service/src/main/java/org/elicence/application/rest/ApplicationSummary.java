package org.elicence.application.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.elicence.application.domain.Application;

/**
 * One line of a list of applications: the applicant's own ({@code GET /api/v1/applications}) or the ones staff find
 * by an ID number ({@code POST /internal/applications/search}). The whole application is one more call away.
 *
 * @param licenceStatus the issued licence's status (ACTIVE, SUSPENDED or REVOKED); absent until one is issued
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationSummary(String id, String fullName, String status, String nextAction, Instant createdAt,
        Instant updatedAt, String licenceStatus) {

    static ApplicationSummary of(Application a) {
        return new ApplicationSummary(a.id.toString(), a.fullName, a.status.name(), a.nextAction.name(), a.createdAt,
                a.updatedAt, a.licence == null ? null : a.licence.status());
    }
}
