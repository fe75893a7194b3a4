package org.elicence.licence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.elicence.licence.LicenceTestSupport.WAIT;
import static org.elicence.licence.LicenceTestSupport.credential;
import static org.elicence.licence.LicenceTestSupport.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.holder.DeviceResponses;
import org.elicence.licence.holder.HolderCli;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Holder binding on the real broker: the device key application-service publishes for an application is the MSO's
 * deviceKey of the credential issued for it, so a DeviceResponse the holder signs with it is AUTHENTICATED at
 * /verify, one signed with another key is refused, and one without deviceSigned is reported ABSENT.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class HolderBindingTest extends LicenceServiceTestBase {

    @Test
    void theRegisteredDeviceKeyIsBoundAndAuthenticatesThePresentation() throws Exception {
        var licence = support.newDriverLicence(LocalDate.now().plusYears(5));
        String applicationId = newId();
        KeyPair device = KeyHierarchyGenerator.newP256KeyPair();
        support.created(applicationId, licence.residentId());
        String registered = "{\"applicationId\":\"%s\",\"applicantId\":\"%s\",\"deviceKey\":%s,\"registeredAt\":\"%s\"}"
                .formatted(applicationId, licence.residentId(), HolderCli.jwk((ECPublicKey) device.getPublic()),
                        java.time.Instant.now());
        assertEquals(java.util.List.of(), EventSchemas.violations(EventType.DEVICE_KEY_REGISTERED,
                LicenceTestSupport.JSON.readTree(registered)));
        kafka.publishEvent(Topics.APPLICATIONS, applicationId, EventType.DEVICE_KEY_REGISTERED.type(), registered);
        await().atMost(WAIT).until(() -> support.count("SELECT count(*) FROM device_key WHERE application_id = ?1",
                UUID.fromString(applicationId)) == 1);

        support.photoPassed(applicationId, licence.residentId());
        JsonNode issued = support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        byte[] issuerSigned = Base64.getUrlDecoder().decode(credential(issued, "mso_mdoc"));
        byte[] transcript = DeviceResponses.onlineSessionTranscript(newId());

        JsonPath holder = verify(DeviceResponses.signed(issuerSigned, device.getPrivate(), transcript), transcript);
        assertEquals("VALID", holder.getString("outcome"), holder.getString("reason"));
        assertEquals("AUTHENTICATED", holder.getString("deviceAuthentication"));

        JsonPath thief = verify(DeviceResponses.signed(issuerSigned,
                KeyHierarchyGenerator.newP256KeyPair().getPrivate(), transcript), transcript);
        assertEquals("INVALID", thief.getString("outcome"));
        assertEquals("DEVICE_AUTH_FAILED", thief.getString("reasonCode"));
        assertEquals("FAILED", thief.getString("deviceAuthentication"));

        JsonPath copy = verify(DeviceResponses.withoutDeviceSignature(issuerSigned), null);
        assertEquals("VALID", copy.getString("outcome"));
        assertEquals("ABSENT", copy.getString("deviceAuthentication"));
        assertEquals("ABSENT", LicenceTestSupport.verify(credential(issued, "jws")).getString("deviceAuthentication"));
    }

    private static JsonPath verify(byte[] deviceResponse, byte[] transcript) {
        var body = LicenceTestSupport.JSON.createObjectNode()
                .put("credential", Base64.getUrlEncoder().withoutPadding().encodeToString(deviceResponse));
        if (transcript != null) {
            body.put("sessionTranscript", Base64.getUrlEncoder().withoutPadding().encodeToString(transcript));
        }
        return given().contentType(ContentType.JSON).body(body.toString()).post("/api/v1/licences/verify")
                .then().statusCode(200).extract().jsonPath();
    }
}
