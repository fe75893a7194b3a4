package org.elicence.messaging.events;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the licence register the issuing authorities read ({@code licence-register}): a licence given to an
 * application ({@code entry} ISSUED: its validity and issuing authority, at its issue) or its status changed by an
 * authority's command (STATUS_CHANGED: the new status and the command's reason, at the change). No credential and no
 * holder's name, ID number, birth date or portrait: the authorities see what happened to the licences and whether
 * their commands were applied without reading every licence's personal data, which only application-service reads
 * on {@code licence-events} (docs/privacy.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicenceRegisterEntry(String applicationId, String licenceNumber, String entry, String status,
        String reason, LocalDate validFrom, LocalDate validUntil, String issuingAuthority, Instant at)
        implements KeyedByApplication {

    public static final String ISSUED = "ISSUED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
}
