package org.elicence.licence;

import static org.awaitility.Awaitility.await;
import static org.elicence.licence.LicenceTestSupport.WAIT;
import static org.elicence.licence.LicenceTestSupport.newId;
import static org.elicence.licence.LicenceTestSupport.portraitJpeg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventType;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * application-service's {@code application.withdrawn}, on the real broker and PostgreSQL: nothing is issued for a
 * withdrawn application from an approval read afterwards, its kept portraits go, a licence decided before stands, and
 * a withdrawal naming another applicant than the application's is dead-lettered and withdraws nothing.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class ApplicationWithdrawalTest extends LicenceServiceTestBase {

    @Test
    void approvalsReadAfterTheWithdrawalIssueNothingAndItsKeptPortraitsAreDeleted() {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        support.created(applicationId, licence.residentId());
        // a photo passed but application-service never accepted it (the applicant went on to the ID card)
        String passed = support.photoPassed(applicationId, licence.residentId(), newId(), portraitJpeg());
        await().atMost(WAIT).until(() -> support.processed(passed));
        assertEquals(1, portraitsKept(applicationId));

        String withdrawn = support.withdrawn(applicationId, licence.residentId());
        await().atMost(WAIT).until(() -> support.processed(withdrawn));
        assertEquals(0, portraitsKept(applicationId), "the withdrawal deletes the portraits kept for a decision");

        // staff approve the ID card the applicant uploaded before withdrawing; another photo passes afterwards
        String approved = support.idCardApproved(applicationId, licence.residentId());
        String late = support.photoPassed(applicationId, licence.residentId(), newId(), portraitJpeg());
        await().atMost(WAIT).until(() -> support.processed(approved) && support.processed(late));
        assertEquals(0, decisions(applicationId), "nothing is decided for a withdrawn application");
        assertEquals(0, support.eventsWritten(applicationId, EventType.LICENCE_ISSUED));
        assertEquals(0, portraitsKept(applicationId), "nor is a later passing photo's portrait kept");
    }

    @Test
    void aLicenceDecidedBeforeTheWithdrawalWasReadStands() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        support.idCardApproved(applicationId, licence.residentId());
        support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);

        String withdrawn = support.withdrawn(applicationId, licence.residentId());
        await().atMost(WAIT).until(() -> support.processed(withdrawn));
        assertEquals(1, decisions(applicationId));
        assertEquals(1, support.count("SELECT count(*) FROM e_licence WHERE licence_number = ?1",
                licence.licenceNumber()), "the e-licence is not revoked or reissued by a late withdrawal");
        assertEquals(1, support.eventsWritten(applicationId, EventType.LICENCE_ISSUED));
    }

    @Test
    void aWithdrawalNamingAnotherApplicantIsDeadLetteredAndWithdrawsNothing() throws Exception {
        var holder = support.newDriverLicence(LocalDate.now().plusYears(5));
        var other = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        support.created(applicationId, holder.residentId());

        support.withdrawn(applicationId, other.residentId());
        var deadLetter = kafka.awaitDeadLetters("license-issuer-service.dlq", applicationId, 1, WAIT).get(0);
        String reason = KafkaTestClient.header(deadLetter, "dead-letter-reason");
        assertTrue(reason.contains("names another applicant"), reason);

        support.idCardApproved(applicationId, holder.residentId());
        support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
    }

    private long portraitsKept(String applicationId) {
        return support.count("SELECT count(*) FROM passed_photo WHERE application_id = CAST(?1 AS uuid)", applicationId);
    }

    private long decisions(String applicationId) {
        return support.count("SELECT count(*) FROM licence_decision WHERE application_id = CAST(?1 AS uuid)",
                applicationId);
    }
}
