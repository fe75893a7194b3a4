package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventSchemas;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * PUT /api/v1/applications/{id}/device-key: a P-256 JWK on the curve is published to the licence issuer as a
 * schema-valid application.device-key-registered; anything else is a 400 problem+json and publishes nothing.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class DeviceKeyApiTest {

    private static final String ALICE = "11010119900307213X";
    private static final String BOB = "310104198511230466";

    private static KafkaTestClient kafka;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aP256KeyIsPublishedForTheLicenceIssuer() throws Exception {
        String id = create(ALICE);
        ECPublicKey key = newKey();
        String x = b64(fixed(key.getW().getAffineX()));
        String y = b64(fixed(key.getW().getAffineY()));
        String thumbprint = b64(MessageDigest.getInstance("SHA-256").digest(
                ("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}").getBytes()));

        put(ALICE, id, jwk("EC", "P-256", x, y)).then().statusCode(202).body("thumbprint", equalTo(thumbprint));

        ConsumerRecord<String, String> event = kafka.await(Topics.APPLICATIONS, r -> id.equals(r.key())
                && EventType.DEVICE_KEY_REGISTERED.type().equals(KafkaTestClient.header(r, "ce_type")), Duration.ofSeconds(30));
        JsonNode data = json.readTree(event.value());
        assertTrue(EventSchemas.violations(EventType.DEVICE_KEY_REGISTERED, data).isEmpty(), data.toString());
        assertEquals(ALICE, data.get("applicantId").asText());
        assertEquals(x, data.at("/deviceKey/x").asText());
        assertEquals(y, data.at("/deviceKey/y").asText());
    }

    @Test
    void anythingButAP256PointOnTheCurveIsRefused() {
        String id = create(ALICE);
        ECPublicKey key = newKey();
        String x = b64(fixed(key.getW().getAffineX()));
        String y = b64(fixed(key.getW().getAffineY()));
        String offCurve = b64(fixed(key.getW().getAffineY().add(BigInteger.ONE)));
        for (String body : new String[] {jwk("EC", "P-256", x, offCurve), jwk("EC", "P-384", x, y), jwk("RSA", "P-256", x, y),
            jwk("EC", "P-256", x.substring(2), y), jwk("EC", "P-256", x + "=", y), jwk("EC", "P-256", "***", y)}) {
            put(ALICE, id, body).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_DEVICE_KEY"));
        }
        put(ALICE, id, "{\"kty\":\"EC\"}").then().statusCode(400).contentType("application/problem+json");
        kafka.await(Topics.APPLICATIONS, r -> id.equals(r.key()), Duration.ofSeconds(30)); // its application.created
        assertEquals(0, KafkaTestClient.readAll(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.APPLICATIONS).stream().filter(r -> id.equals(r.key())
                        && EventType.DEVICE_KEY_REGISTERED.type().equals(KafkaTestClient.header(r, "ce_type"))).count(),
                "a refused key is not published");
    }

    @Test
    void anotherApplicantsApplicationIsNotFound() {
        String id = create(ALICE);
        ECPublicKey key = newKey();
        put(BOB, id, jwk("EC", "P-256", b64(fixed(key.getW().getAffineX())), b64(fixed(key.getW().getAffineY()))))
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/applications/" + id + "/device-key")
                .then().statusCode(401);
    }

    private static io.restassured.response.Response put(String applicant, String id, String body) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/applications/" + id + "/device-key");
    }

    private static String jwk(String kty, String crv, String x, String y) {
        return "{\"kty\":\"" + kty + "\",\"crv\":\"" + crv + "\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
    }

    private static String create(String applicant) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Test Applicant\"}").post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
    }

    private static ECPublicKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return (ECPublicKey) generator.generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
