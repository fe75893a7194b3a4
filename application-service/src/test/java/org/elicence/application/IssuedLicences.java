package org.elicence.application;

import org.elicence.infra.KafkaTestClient;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;

/** The licence issuer's word that an application's licence is issued, as it publishes it (schema-valid). */
final class IssuedLicences {

    private IssuedLicences() {
    }

    static void publish(KafkaTestClient kafka, String applicationId, String applicantId, String licenceNumber,
            String holderName) {
        kafka.publishEvent(Topics.LICENCE_EVENTS, applicationId, EventType.LICENCE_ISSUED.type(), """
                {"applicationId":"%s","applicantId":"%s","licenceNumber":"%s","holderName":"%s","licenceClasses":["C1"],
                 "validFrom":"2026-11-25","validUntil":"2031-06-18","issuingAuthority":"Tianjin Traffic Management Bureau",
                 "status":"ACTIVE","issuedAt":"2026-11-25T10:00:00Z",
                 "credentials":[{"format":"jws","value":"eyJhbGciOiJFUzI1NiJ9.e30.c2ln"}]}
                """.formatted(applicationId, applicantId, licenceNumber, holderName));
    }
}
