package org.elicence.licence;

import static io.restassured.RestAssured.given;
import static org.elicence.licence.AuthorityCommands.AUTHORITY;
import static org.elicence.licence.LicenceTestSupport.JSON;
import static org.elicence.licence.LicenceTestSupport.credential;
import static org.elicence.licence.LicenceTestSupport.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.zip.Inflater;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.licence.LicenceTestSupport.TestLicence;
import org.elicence.licence.credential.keys.CertificateRevocation;
import org.elicence.licence.credential.keys.Pem;
import org.elicence.licence.credential.status.StatusList;
import org.elicence.licence.credential.status.StatusListToken;
import org.elicence.messaging.EventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The Token Status List as a relying party fetches it: each credential's status claim names an index, and the
 * signed list served at that URI holds the credential's status there, whatever happened to the licence since.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class StatusListEndpointTest extends LicenceServiceTestBase {

    private static final LocalDate NEXT_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1);

    private AuthorityCommands authority;

    @BeforeEach
    void authority() {
        authority = new AuthorityCommands(kafka);
    }

    @Test
    void browsersMayFetchTheListFromAnyOriginAndItComesCompressed() {
        Response response = given().header("Origin", "https://wallet.example").header("Accept-Encoding", "gzip")
                .accept(StatusListToken.MEDIA_TYPE).get("/api/v1/licences/status-list");
        assertEquals(200, response.statusCode());
        assertEquals("*", response.header("Access-Control-Allow-Origin"));
        assertEquals("gzip", response.header("Content-Encoding"));
        assertEquals(3, response.asString().split("\\.").length, "still the JWT once decoded");
        for (String path : List.of("/api/v1/licences/issuer-certificate", "/api/v1/licences/jwks.json")) {
            assertEquals("*", given().header("Origin", "https://wallet.example").get(path).header("Access-Control-Allow-Origin"));
        }
        Response verify = given().header("Origin", "https://wallet.example").contentType("application/json")
                .body("{\"credential\":\"x\"}").post("/api/v1/licences/verify");
        assertEquals(null, verify.header("Access-Control-Allow-Origin"), "/verify is not opened to other origins");
    }

    @Test
    void theCrlDistributionPointServesTheIacasCrl() throws Exception {
        Response response = given().get("/api/v1/licences/crl/iaca.crl");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("application/pkix-crl"), response.contentType());
        assertEquals("*", response.header("Access-Control-Allow-Origin"));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(response.asByteArray()));
        X509Certificate iaca = Pem.certificates(given().get("/api/v1/licences/issuer-certificate").asString()).get(0);
        crl.verify(iaca.getPublicKey());
        assertEquals(iaca.getSubjectX500Principal(), crl.getIssuerX500Principal());
    }

    @Test
    void theListShowsRevokedSuspendedSupersededAndValidCredentialsAtTheirIndexes() throws Exception {
        Issued revoked = issue(support.newDriverLicence(NEXT_YEAR));
        Issued suspended = issue(support.newDriverLicence(NEXT_YEAR));
        Issued renewed = issue(support.newDriverLicence(NEXT_YEAR));
        Issued untouched = issue(support.newDriverLicence(NEXT_YEAR));

        authority.command(revoked.licence().licenceNumber(), "REVOKE", AUTHORITY);
        authority.awaitStatusChange(revoked.applicationId(), "REVOKED");
        authority.command(suspended.licence().licenceNumber(), "SUSPEND", AUTHORITY);
        authority.awaitStatusChange(suspended.applicationId(), "SUSPENDED");
        authority.command(renewed.licence().licenceNumber(), "RENEW", AUTHORITY);
        String renewal = credential(authority.awaitLicencesIssued(renewed.applicationId(), 2).get(1), "jws");

        Response response = given().accept(StatusListToken.MEDIA_TYPE).get("/api/v1/licences/status-list");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith(StatusListToken.MEDIA_TYPE), response.contentType());
        assertTrue(response.header("Cache-Control").contains("max-age=300"), response.header("Cache-Control"));
        String token = response.asString();

        // Decoded by hand, as the draft describes it, without this service's code.
        String[] parts = token.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("statuslist+jwt", header.get("typ").asText());
        assertEquals(revoked.uri(), claims.get("sub").asText(), "the list is where the credentials say it is");
        assertEquals(2, claims.get("status_list").get("bits").asInt());
        byte[] statuses = inflate(Base64.getUrlDecoder().decode(claims.get("status_list").get("lst").asText()));
        assertTrue(statuses.length * 4 >= 131072, "never shorter than licence.status-list.min-entries");
        assertEquals(1, twoBitStatus(statuses, revoked.index()), "revoked: INVALID");
        assertEquals(2, twoBitStatus(statuses, suspended.index()), "SUSPENDED");
        assertEquals(1, twoBitStatus(statuses, renewed.index()), "superseded by the renewal: INVALID");
        assertEquals(0, twoBitStatus(statuses, statusIndex(renewal)), "the renewal: VALID");
        assertEquals(0, twoBitStatus(statuses, untouched.index()), "VALID");

        // And checked as a relying party must: signed by a document signer under the published IACA root, one that
        // the IACA's published CRL does not list.
        String iaca = given().get("/api/v1/licences/issuer-certificate").then().statusCode(200).extract().asString();
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
                given().get("/api/v1/licences/crl/iaca.crl").then().statusCode(200).extract().asByteArray()));
        StatusList verified = StatusListToken.verify(token, revoked.uri(), Pem.certificates(iaca),
                CertificateRevocation.of(List.of(crl)), Clock.systemUTC().instant());
        assertEquals(StatusList.INVALID, verified.get(revoked.index()));
        assertEquals(StatusList.SUSPENDED, verified.get(suspended.index()));
    }

    private record Issued(TestLicence licence, String applicationId, long index, String uri) {
    }

    private Issued issue(TestLicence licence) throws Exception {
        String applicationId = newId();
        support.photoPassed(applicationId, licence.residentId());
        JsonNode issued = support.awaitLicenceEvent(applicationId, EventType.LICENCE_ISSUED);
        String jws = credential(issued, "jws");
        JsonNode statusList = jwsClaims(jws).get("status").get("status_list");
        // The mdoc carries the same entry; the verifier reports it for either form.
        List<String> formats = List.of("jws", "mso_mdoc");
        for (String format : formats) {
            assertEquals(statusList.get("idx").asLong(),
                    LicenceTestSupport.verify(credential(issued, format)).getLong("claims.status.status_list.idx"), format);
        }
        return new Issued(licence, applicationId, statusList.get("idx").asLong(), statusList.get("uri").asText());
    }

    private static long statusIndex(String jws) throws Exception {
        return jwsClaims(jws).get("status").get("status_list").get("idx").asLong();
    }

    private static JsonNode jwsClaims(String jws) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
    }

    private static byte[] inflate(byte[] zlib) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(zlib);
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        return out.toByteArray();
    }

    // Four 2-bit statuses per byte, index 0 in the least significant bits.
    private static int twoBitStatus(byte[] statuses, long index) {
        return (statuses[(int) (index / 4)] >> (int) (index % 4) * 2) & 0b11;
    }
}
