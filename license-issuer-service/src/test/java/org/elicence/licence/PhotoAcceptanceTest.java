package org.elicence.licence;

import static org.awaitility.Awaitility.await;
import static org.elicence.licence.LicenceTestSupport.WAIT;
import static org.elicence.licence.LicenceTestSupport.credential;
import static org.elicence.licence.LicenceTestSupport.newId;
import static org.elicence.licence.LicenceTestSupport.portraitJpeg;
import static org.elicence.licence.LicenceTestSupport.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.time.LocalDate;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventType;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, on the real broker and PostgreSQL: a licence is made only from the photo application-service accepted as
 * its application's current one ({@code application.photo-accepted}), never from a passing verdict on another photo,
 * in whichever order the verdict (photo-audit-results) and the acceptance (applications) arrive.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class PhotoAcceptanceTest extends LicenceServiceTestBase {

    private static final byte[] REGISTRY_PORTRAIT = portraitJpeg(new Color(30, 60, 200));
    private static final byte[] UPLOADED_PORTRAIT = portraitJpeg(new Color(40, 160, 40));

    @Test
    void aLateRegistryPassAfterANewerUploadWasAcceptedIssuesNothingAndTheUploadIsTheLicencePortrait() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        String registryPhoto = newId();
        String upload = newId();
        support.created(applicationId, licence.residentId());

        // application-service made the upload current; the registry photo's PASS arrives after that
        String accepted = support.photoAccepted(applicationId, licence.residentId(), upload);
        String late = support.photoPassed(applicationId, licence.residentId(), registryPhoto, REGISTRY_PORTRAIT);
        await().atMost(WAIT).until(() -> support.processed(accepted) && support.processed(late));
        assertEquals(0, decisions(applicationId), "a PASS of a photo that is not the current one decides nothing");

        support.photoPassed(applicationId, licence.residentId(), upload, UPLOADED_PORTRAIT);
        JsonNode issued = support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        assertEquals(licence.licenceNumber(), issued.get("licenceNumber").asText());
        assertEquals(portraitOf(UPLOADED_PORTRAIT), verify(credential(issued, "mso_mdoc")).getString("claims.portrait"));
        assertEquals(0, keptPortraits(applicationId),
                "the passing photos' portraits are dropped once the application is decided");
    }

    @Test
    void aPassWaitsForApplicationServiceToAcceptItsPhotoAndAnotherPhotosAcceptanceIssuesNothing() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        String registryPhoto = newId();
        String upload = newId();
        support.created(applicationId, licence.residentId());

        // both verdicts PASS and arrive before any acceptance: neither alone is a licence
        String registryPass = support.photoPassed(applicationId, licence.residentId(), registryPhoto, REGISTRY_PORTRAIT);
        String uploadPass = support.photoPassed(applicationId, licence.residentId(), upload, UPLOADED_PORTRAIT);
        await().atMost(WAIT).until(() -> support.processed(registryPass) && support.processed(uploadPass));
        assertEquals(0, decisions(applicationId));

        support.photoAccepted(applicationId, licence.residentId(), upload);
        JsonNode issued = support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        String portrait = verify(credential(issued, "mso_mdoc")).getString("claims.portrait");
        assertEquals(portraitOf(UPLOADED_PORTRAIT), portrait);
        assertNotEquals(portraitOf(REGISTRY_PORTRAIT), portrait);
    }

    /**
     * A photo passed but was never accepted (the applicant had moved on), and the licence came from the approved ID
     * card: the kept portrait goes with the decision, as on the photo's own path (it was kept for good).
     */
    @Test
    void aKeptPortraitIsDeletedWhenTheLicenceIsDecidedAnotherWay() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        support.created(applicationId, licence.residentId());
        String pass = support.photoPassed(applicationId, licence.residentId(), newId(), REGISTRY_PORTRAIT);
        await().atMost(WAIT).until(() -> support.processed(pass));
        assertEquals(1, keptPortraits(applicationId), "kept until application-service accepts the photo");

        support.idCardApproved(applicationId, licence.residentId());
        support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        assertEquals(0, keptPortraits(applicationId), "the licence is decided: the kept portrait is deleted");
    }

    private long keptPortraits(String applicationId) {
        return support.count("SELECT count(*) FROM passed_photo WHERE application_id = CAST(?1 AS uuid)",
                applicationId);
    }

    private long decisions(String applicationId) {
        return support.count("SELECT count(*) FROM licence_decision WHERE application_id = CAST(?1 AS uuid)",
                applicationId);
    }

    private static String portraitOf(byte[] jpeg) {
        return Base64.getEncoder().encodeToString(jpeg);
    }
}
