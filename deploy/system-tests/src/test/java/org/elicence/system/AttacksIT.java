package org.elicence.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elicence.infra.KafkaCredentials;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.OperatorSigner;
import org.elicence.infra.Runbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13's attacks replayed on the authenticated platform as deploy/run-local.sh starts it: someone who can reach
 * the broker, someone holding a real credential of the wrong service, a legitimate writer's credential used to name
 * another citizen, staff decisions and authority commands not signed by who they claim, and the operators' HTTP
 * record without an operator's credential. Each is refused where it should be (the broker, the consumer, the
 * operators' handler, the HTTP endpoint), and nothing is issued and no applicant's view changes.
 */
class AttacksIT {

    @RegisterExtension
    static final LocalPlatform PLATFORM = new LocalPlatform();

    /** The attacker: a citizen with a real account (not in the ID registry, no driving licence). */
    private static final String ZHAO_MIN = "330106199202290589";
    /** The victim: her driving-licence record is what a forged approval would turn into a licence. */
    private static final String WANG_FANG = "440305197806141286";
    /** A genuine applicant on the ID-card path (Chengdu: licence 5101…), approved by a reviewer in the end. */
    private static final String LIU_YANG = "510104196901303518";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Without a credential, with a wrong password or as an unknown user, nothing reaches a topic. */
    @Test
    void withoutCredentialsNothingIsWritten() throws Exception {
        String bootstrap = PLATFORM.kafkaBootstrap();
        Path credentials = KafkaCredentials.dirOf(bootstrap);
        String key = UUID.randomUUID().toString();
        String forged = photoAuditedPass(key, WANG_FANG);
        Map<String, Properties> clients = new LinkedHashMap<>();
        clients.put("no credential (plain connection to the services' listener)",
                props(bootstrap, Map.of("security.protocol", "PLAINTEXT")));
        clients.put("photo-audit-service's name with a wrong password", props(bootstrap, Map.of(
                "security.protocol", KafkaCredentials.PROTOCOL, "sasl.mechanism", KafkaCredentials.MECHANISM,
                "sasl.jaas.config", new KafkaCredentials("photo-audit-service", "guessed").jaasConfig())));
        clients.put("an unknown user", props(bootstrap, Map.of(
                "security.protocol", KafkaCredentials.PROTOCOL, "sasl.mechanism", KafkaCredentials.MECHANISM,
                "sasl.jaas.config", new KafkaCredentials("mallory", "mallory").jaasConfig())));
        clients.put("TLS to the operators' listener without a client certificate",
                props("localhost:" + (LocalPlatform.KAFKA_PORT + 2), Map.of("security.protocol", "SSL",
                        "ssl.truststore.type", "PEM",
                        "ssl.truststore.location", credentials.resolve("ca.pem").toString())));
        List<String> accepted = new ArrayList<>();
        for (var client : clients.entrySet()) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client.getValue(), new StringSerializer(),
                    new StringSerializer())) {
                ProducerRecord<String, String> record = new ProducerRecord<>("photo-audit-results", key, forged);
                cloudEvent(record, "org.elicence.photo.audited.v1");
                producer.send(record).get(30, TimeUnit.SECONDS);
                accepted.add(client.getKey());
            } catch (Exception refused) {
                // refused: authentication failed, or the client never got past the handshake
            }
        }
        assertTrue(accepted.isEmpty(), "the broker took records from: " + accepted);
        assertTrue(KafkaTestClient.readAll(bootstrap, "photo-audit-results").stream().noneMatch(r -> key.equals(r.key())),
                "nothing reached photo-audit-results");
    }

    /** A service's (or an operator's) real credential writes only its own topics: the broker refuses the others. */
    @Test
    void aRealCredentialOfTheWrongPrincipalIsRefusedByTheBroker() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        record Attempt(String principal, String topic, String type, String value) {
        }
        List<Attempt> attempts = List.of(
                new Attempt("application-service", "photo-audit-results", "org.elicence.photo.audited.v1",
                        photoAuditedPass(applicationId, WANG_FANG)),
                new Attempt("idcard-service", "licence-events", "org.elicence.licence.issued.v1",
                        licenceIssued(applicationId)),
                new Attempt("idcard-service", "applications", "org.elicence.application.created.v1",
                        "{\"applicationId\":\"" + applicationId + "\",\"applicantId\":\"" + WANG_FANG
                                + "\",\"fullName\":\"王芳\",\"createdAt\":\"" + Instant.now() + "\"}"),
                new Attempt("photo-audit-service", "idcard-events", "org.elicence.idcard.approved.v1",
                        idCardApproved(applicationId, WANG_FANG)),
                new Attempt("license-issuer-service", "photo-review-decisions", null,
                        "{\"decisionId\":\"" + UUID.randomUUID() + "\",\"decision\":\"APPROVE\"}"),
                new Attempt("reviewer-001", "licence-authority-commands", null,
                        "{\"commandId\":\"" + UUID.randomUUID() + "\",\"action\":\"SUSPEND\"}"),
                new Attempt("traffic-police-beijing", "idcard-review-decisions", null,
                        "{\"decisionId\":\"" + UUID.randomUUID() + "\",\"decision\":\"APPROVE\"}"),
                new Attempt("platform-operator", "applications", "org.elicence.photo.review-approved.v1",
                        photoReviewApproved(applicationId, WANG_FANG)),
                // The operators' inspection principal may describe everything and write nothing.
                new Attempt("kafka-admin", "photo-audit-results", "org.elicence.photo.audited.v1",
                        photoAuditedPass(applicationId, WANG_FANG)));
        List<String> notRefused = new ArrayList<>();
        for (Attempt attempt : attempts) {
            try (KafkaTestClient client = new KafkaTestClient(PLATFORM.kafkaBootstrap(), attempt.principal())) {
                if (attempt.type() == null) {
                    client.publishRaw(attempt.topic(), applicationId, attempt.value(), Map.of());
                } else {
                    client.publishEvent(attempt.topic(), applicationId, attempt.type(), attempt.value());
                }
                notRefused.add(attempt.principal() + " -> " + attempt.topic() + ": written");
            } catch (IllegalStateException e) {
                // A principal with no WRITE anywhere (kafka-admin) is refused the idempotent producer's first step,
                // a cluster authorisation; the others the topic.
                if (!causedBy(e, AuthorizationException.class)) {
                    notRefused.add(attempt.principal() + " -> " + attempt.topic() + ": failed otherwise: " + e.getCause());
                }
            }
        }
        assertTrue(notRefused.isEmpty(), "not refused by the broker's ACLs: " + notRefused);
        for (Attempt attempt : attempts) {
            assertTrue(KafkaTestClient.readAll(PLATFORM.kafkaBootstrap(), attempt.topic()).stream()
                    .noneMatch(r -> applicationId.equals(r.key())), attempt.topic() + " holds nothing of the attempt");
        }
    }

    /**
     * The legitimate writers' own credentials (from the launcher's credentials folder) used to name another citizen
     * in the attacker's application: a PhotoAudited PASS with a portrait of the attacker's choosing, a photo review
     * approval and an ID-card approval, each naming the victim's resident ID. The broker lets them in; the consumers
     * refuse them (dead letters with a reason naming no resident ID), no licence is issued, the attacker's view does
     * not move.
     */
    @Test
    void aRecordThatPassesTheBrokerButNamesAnotherApplicantIsRefusedByItsConsumers() throws Exception {
        MobileApi attacker = new MobileApi(PLATFORM.apiBase(), PLATFORM.tokenFor(ZHAO_MIN));
        String applicationId = attacker.createApplication("赵敏");
        JsonNode before = awaitSettled(attacker, applicationId);

        Map<String, String> sent = new LinkedHashMap<>();
        try (KafkaTestClient photoAudit = new KafkaTestClient(PLATFORM.kafkaBootstrap(), "photo-audit-service");
                KafkaTestClient application = new KafkaTestClient(PLATFORM.kafkaBootstrap(), "application-service");
                KafkaTestClient idcard = new KafkaTestClient(PLATFORM.kafkaBootstrap(), "idcard-service")) {
            sent.put("PhotoAudited PASS", photoAudit.publishEvent("photo-audit-results", applicationId,
                    "org.elicence.photo.audited.v1", photoAuditedPass(applicationId, WANG_FANG)));
            sent.put("PhotoReviewApproved", application.publishEvent("applications", applicationId,
                    "org.elicence.photo.review-approved.v1", photoReviewApproved(applicationId, WANG_FANG)));
            sent.put("IdCardApproved", idcard.publishEvent("idcard-events", applicationId,
                    "org.elicence.idcard.approved.v1", idCardApproved(applicationId, WANG_FANG)));
        }
        Map<String, List<String>> refusedBy = Map.of(
                "license-issuer-service.dlq", List.of("PhotoAudited PASS", "PhotoReviewApproved", "IdCardApproved"),
                "application-service.dlq", List.of("PhotoAudited PASS", "IdCardApproved"),
                "idcard-service.dlq", List.of("PhotoReviewApproved"));
        for (var dlq : refusedBy.entrySet()) {
            for (String event : dlq.getValue()) {
                String eventId = sent.get(event);
                ConsumerRecord<String, String> deadLetter;
                try (KafkaTestClient admin = new KafkaTestClient(PLATFORM.kafkaBootstrap())) {
                    deadLetter = admin.await(dlq.getKey(), r -> eventId.equals(KafkaTestClient.header(r, "ce_id")), WAIT);
                }
                String reason = KafkaTestClient.header(deadLetter, "dead-letter-reason");
                assertNotNull(reason, event + " on " + dlq.getKey() + " has a reason");
                assertTrue(reason.contains("another applicant"), event + " on " + dlq.getKey() + ": " + reason);
                assertFalse(reason.contains(WANG_FANG) || reason.contains(ZHAO_MIN), "the reason names no resident ID");
            }
        }
        Thread.sleep(3000);
        JsonNode after = attacker.application(applicationId, "en");
        assertEquals(before.get("status").asText(), after.get("status").asText(), "the attacker's view did not move");
        assertEquals(404, attacker.get("/api/v1/applications/" + applicationId + "/licence").status(), "no licence");
        assertTrue(KafkaTestClient.readAll(PLATFORM.kafkaBootstrap(), "licence-events").stream()
                .noneMatch(r -> applicationId.equals(r.key()) || r.value().contains(applicationId)),
                "license-issuer-service wrote nothing for the application");
    }

    /**
     * A reviewer's decision counts only when signed with the certificate of the reviewer it names, issued by the
     * operators' CA, over exactly the record sent; an authority's command only for licences of its region. The
     * forgeries are refused onto the -rejected topics; the genuine decision then issues the licence, which a
     * forged suspension of another region leaves valid.
     */
    @Test
    void staffDecisionsAndAuthorityCommandsCountOnlyFromTheirSignerAndRegion() throws Exception {
        MobileApi liu = new MobileApi(PLATFORM.apiBase(), PLATFORM.tokenFor(LIU_YANG));
        String applicationId = liu.createApplication("刘洋");
        awaitStatus(liu, applicationId, "ID_CARD_REQUIRED");
        assertEquals(202, liu.upload(applicationId, "/id-card/front", "image/jpeg",
                Journey.resource("idcards/liu-yang-front.jpg")).status());
        assertEquals(202, liu.upload(applicationId, "/id-card/back", "image/jpeg",
                Journey.resource("idcards/liu-yang-back.jpg")).status());
        awaitStatus(liu, applicationId, "ID_CARD_UNDER_REVIEW");
        String caseId;
        try (KafkaTestClient admin = new KafkaTestClient(PLATFORM.kafkaBootstrap())) {
            caseId = JSON.readTree(admin.await("idcard-review-cases",
                    r -> r.value().contains(applicationId) && r.value().contains("PENDING"), WAIT).value())
                    .get("caseId").asText();
        }

        String topic = "idcard-review-decisions";
        Map<String, String> forgeries = new LinkedHashMap<>();
        try (KafkaTestClient reviewerCredential = new KafkaTestClient(PLATFORM.kafkaBootstrap(), "reviewer-001")) {
            String unsigned = decision(caseId, "reviewer-001", "APPROVE");
            reviewerCredential.publishRaw(topic, caseId, unsigned, Map.of());
            forgeries.put("unsigned", decisionId(unsigned));

            String otherReviewersSignature = decision(caseId, "reviewer-001", "APPROVE");
            reviewerCredential.publishRaw(topic, caseId, otherReviewersSignature,
                    OperatorSigner.of(PLATFORM.kafkaBootstrap(), "reviewer-002").headers(topic, otherReviewersSignature));
            forgeries.put("signed by reviewer-002, naming reviewer-001", decisionId(otherReviewersSignature));

            String signedRejection = decision(caseId, "reviewer-001", "REJECT");
            String altered = decision(caseId, "reviewer-001", "APPROVE");
            reviewerCredential.publishRaw(topic, caseId, altered,
                    OperatorSigner.of(PLATFORM.kafkaBootstrap(), "reviewer-001").headers(topic, signedRejection));
            forgeries.put("reviewer-001's signature of another record", decisionId(altered));

            String selfMade = decision(caseId, "reviewer-001", "APPROVE");
            reviewerCredential.publishRaw(topic, caseId, selfMade, selfSignedHeaders("reviewer-001", topic, selfMade));
            forgeries.put("a certificate CN=reviewer-001 not issued by the operators' CA", decisionId(selfMade));

            String notAReviewer = decision(caseId, "traffic-police-beijing", "APPROVE");
            reviewerCredential.publishRaw(topic, caseId, notAReviewer,
                    OperatorSigner.of(PLATFORM.kafkaBootstrap(), "traffic-police-beijing").headers(topic, notAReviewer));
            forgeries.put("signed by an authority, who reviews nothing", decisionId(notAReviewer));
        }
        try (KafkaTestClient admin = new KafkaTestClient(PLATFORM.kafkaBootstrap())) {
            for (var forgery : forgeries.entrySet()) {
                ConsumerRecord<String, String> refusal = admin.await("idcard-review-decisions-rejected",
                        r -> r.value().contains(forgery.getValue()), WAIT);
                assertFalse(JSON.readTree(refusal.value()).path("code").asText().isEmpty(),
                        forgery.getKey() + ": refused with a code: " + refusal.value());
            }
        }
        Thread.sleep(3000);
        assertEquals("ID_CARD_UNDER_REVIEW", liu.application(applicationId, "en").get("status").asText(),
                "no forged decision moved the application");
        assertEquals(404, liu.get("/api/v1/applications/" + applicationId + "/licence").status());

        // The genuine reviewer, exactly as the runbook says: the licence is issued.
        Map<String, String> reviewer = Map.of("KAFKA_CONFIG", PLATFORM.kafkaConfig("reviewer-001").toString(),
                "CASE_ID", caseId);
        Runbook.run("approve", reviewer, PLATFORM.root);
        JsonNode issued = awaitStatus(liu, applicationId, "LICENCE_ISSUED");
        MobileApi.Reply licence = liu.get("/api/v1/applications/" + applicationId + "/licence");
        assertEquals(200, licence.status());
        String licenceNumber = licence.json().get("licenceNumber").asText();
        assertTrue(licenceNumber.startsWith("51"), "a Chengdu licence: " + licenceNumber);
        String credential = licence.json().get("credentials").get(0).get("value").asText();
        assertEquals("VALID", verify(credential).get("outcome").asText());

        // Beijing's authority, with its own certificate and the runbook's command, suspends a Chengdu licence.
        String sentCommand = Runbook.run("licence-command", Map.of(
                "KAFKA_CONFIG", PLATFORM.kafkaConfig("traffic-police-beijing").toString(), "LICENCE", licenceNumber,
                "ACTION", "SUSPEND", "REASON", "伪造：外地交管部门暂扣。"), PLATFORM.root);
        String commandId = sentCommand.strip().replace("sent command ", "");
        // And an unsigned one, written with the national authority's Kafka credential.
        String unsignedCommand = "{\"commandId\":\"" + UUID.randomUUID() + "\",\"licenceNumber\":\"" + licenceNumber
                + "\",\"action\":\"REVOKE\",\"authorityId\":\"traffic-police-hq\",\"reason\":\"未签名。\"}";
        try (KafkaTestClient hq = new KafkaTestClient(PLATFORM.kafkaBootstrap(), "traffic-police-hq")) {
            hq.publishRaw("licence-authority-commands", licenceNumber, unsignedCommand, Map.of());
        }
        try (KafkaTestClient admin = new KafkaTestClient(PLATFORM.kafkaBootstrap())) {
            for (String id : List.of(commandId, JSON.readTree(unsignedCommand).get("commandId").asText())) {
                ConsumerRecord<String, String> refusal = admin.await("licence-authority-commands-rejected",
                        r -> r.value().contains(id), WAIT);
                assertFalse(JSON.readTree(refusal.value()).path("code").asText().isEmpty(), refusal.value());
            }
        }
        Thread.sleep(3000);
        assertEquals("VALID", verify(credential).get("outcome").asText(), "the licence is still valid");
        assertEquals(issued.path("licence").path("status").asText(),
                liu.application(applicationId, "en").path("licence").path("status").asText(),
                "the applicant's licence status did not change");
    }

    /**
     * The operators' record of an applicant (idcard-service, /internal) answers only an operator's token, and the
     * services listen on loopback only.
     */
    @Test
    void theOperatorsRecordNeedsAnOperatorsTokenAndServicesListenOnLoopbackOnly() throws Exception {
        MobileApi applicant = new MobileApi(PLATFORM.apiBase(), PLATFORM.tokenFor(ZHAO_MIN));
        String applicationId = applicant.createApplication("赵敏");
        awaitSettled(applicant, applicationId);
        String idcard = "http://127.0.0.1:" + (LocalPlatform.HTTP_PORT_BASE + 2);
        String path = "/internal/applicants/" + applicationId + "/record";
        String operatorToken = mint("--operator", "platform-operator");

        HttpResponse<String> anonymous = get(idcard + path, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(401, get(idcard + path, PLATFORM.tokenSignedWithAnotherKey(ZHAO_MIN)).statusCode());
        HttpResponse<String> asApplicant = get(idcard + path, PLATFORM.tokenFor(ZHAO_MIN));
        assertEquals(403, asApplicant.statusCode(), asApplicant.body());
        assertTrue(asApplicant.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> asOperator = get(idcard + path, operatorToken);
        assertEquals(200, asOperator.statusCode(), asOperator.body());
        assertEquals(ZHAO_MIN, JSON.readTree(asOperator.body()).get("applicantId").asText());
        // the runbook's block, as an operator runs it
        JsonNode record = JSON.readTree(Runbook.run("record", Map.of("IDCARD_URL", idcard, "APPLICATION_ID", applicationId,
                "OPERATOR_TOKEN", operatorToken), PLATFORM.root));
        assertEquals(applicationId, record.get("applicationId").asText());
        // an operator's token is no applicant's
        assertEquals(401, new MobileApi(PLATFORM.apiBase(), operatorToken)
                .get("/api/v1/applications/" + applicationId).status());
        // application-service's record of the same application (issue 12): the same credential, the same refusals
        String applications = PLATFORM.apiBase() + "/internal/applications/" + applicationId + "/record";
        assertEquals(401, get(applications, null).statusCode());
        assertEquals(401, get(applications, PLATFORM.tokenSignedWithAnotherKey(ZHAO_MIN)).statusCode());
        HttpResponse<String> applicantOnRecord = get(applications, PLATFORM.tokenFor(ZHAO_MIN));
        assertEquals(403, applicantOnRecord.statusCode(), applicantOnRecord.body());
        assertTrue(applicantOnRecord.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> operatorOnRecord = get(applications, operatorToken);
        assertEquals(200, operatorOnRecord.statusCode(), operatorOnRecord.body());
        assertEquals(ZHAO_MIN, JSON.readTree(operatorOnRecord.body()).get("applicantId").asText());
        assertEquals(applicationId, JSON.readTree(Runbook.run("photo-record", Map.of("APPLICATION_URL",
                PLATFORM.apiBase(), "APPLICATION_ID", applicationId, "OPERATOR_TOKEN", operatorToken), PLATFORM.root))
                .get("applicationId").asText());

        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        if (external.isPresent()) {
            for (int i = 0; i < 4; i++) {
                int port = LocalPlatform.HTTP_PORT_BASE + i;
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), port), 2000);
                    throw new AssertionError("port " + port + " answers on " + external.get());
                } catch (ConnectException | java.net.SocketTimeoutException refused) {
                    // nothing listens there
                }
            }
        }
    }

    // --- the forged records

    private static String photoAuditedPass(String applicationId, String applicantId) throws IOException {
        byte[] portrait = Journey.resource("photos/frl_002_neutral.jpg");
        return "{\"applicationId\":\"" + applicationId + "\",\"applicantId\":\"" + applicantId + "\",\"photoId\":\""
                + UUID.randomUUID() + "\",\"source\":\"APPLICANT_UPLOAD\",\"verdict\":\"PASS\","
                + "\"checks\":[" + passedChecks() + "],"
                + "\"portrait\":" + image(portrait) + ",\"auditedAt\":\"" + Instant.now() + "\",\"durationMillis\":42}";
    }

    /** Every photo rule passed (R1-R12, C1-C9, docs/photo-audit.md): a PASS the consumers find borne out. */
    private static String passedChecks() {
        List<String> rules = new ArrayList<>();
        for (int r = 1; r <= 12; r++) {
            rules.add("R" + r);
        }
        for (int c = 1; c <= 9; c++) {
            rules.add("C" + c);
        }
        return String.join(",", rules.stream().map(rule -> "{\"rule\":\"" + rule + "\",\"code\":\"" + rule
                + "_OK\",\"verdict\":\"PASS\",\"message\":{\"zh-CN\":\"合格。\",\"en\":\"Passed.\"}}").toList());
    }

    private static String photoReviewApproved(String applicationId, String applicantId) throws IOException {
        return "{\"applicationId\":\"" + applicationId + "\",\"applicantId\":\"" + applicantId + "\",\"caseId\":\""
                + UUID.randomUUID() + "\",\"photoId\":\"" + UUID.randomUUID() + "\",\"portrait\":"
                + image(Journey.resource("photos/frl_002_neutral.jpg")) + "}";
    }

    private static String idCardApproved(String applicationId, String applicantId) throws IOException {
        return "{\"applicationId\":\"" + applicationId + "\",\"applicantId\":\"" + applicantId + "\",\"caseId\":\""
                + UUID.randomUUID() + "\",\"portrait\":" + image(Journey.resource("photos/frl_002_neutral.jpg")) + "}";
    }

    private static String licenceIssued(String applicationId) {
        return "{\"applicationId\":\"" + applicationId + "\",\"licenceNumber\":\"999999999999\",\"holderName\":\"王芳\","
                + "\"licenceClasses\":[\"C1\"],\"validFrom\":\"2026-01-01\",\"validUntil\":\"2036-01-01\","
                + "\"issuingAuthority\":\"Nobody\",\"status\":\"VALID\",\"issuedAt\":\"" + Instant.now() + "\"}";
    }

    private static String image(byte[] jpeg) {
        return "{\"contentType\":\"image/jpeg\",\"width\":358,\"height\":441,\"base64\":\""
                + Base64.getEncoder().encodeToString(jpeg) + "\"}";
    }

    private static String decision(String caseId, String reviewerId, String decision) {
        String reason = decision.equals("REJECT")
                ? ",\"reason\":\"身份证照片不清晰。\",\"reasonEn\":\"The card photo is not clear.\"" : "";
        return "{\"decisionId\":\"" + UUID.randomUUID() + "\",\"caseId\":\"" + caseId + "\",\"reviewerId\":\""
                + reviewerId + "\",\"decision\":\"" + decision + "\"" + reason + "}";
    }

    private static String decisionId(String decision) throws IOException {
        return JSON.readTree(decision).get("decisionId").asText();
    }

    /** The operator headers made with a certificate the attacker made himself (openssl), CN the reviewer's id. */
    private static Map<String, String> selfSignedHeaders(String commonName, String topic, String value) throws Exception {
        Path dir = Files.createTempDirectory("forger");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
                "-subj", "/CN=" + commonName, "-keyout", key.toString(), "-out", cert.toString());
        String keyPem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keyPem)));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(cert)));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(privateKey);
        signature.update((topic + "\n" + value).getBytes(StandardCharsets.UTF_8));
        return Map.of("operator-certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()),
                "operator-signature", Base64.getEncoder().encodeToString(signature.sign()));
    }

    // --- helpers

    private static Properties props(String bootstrap, Map<String, String> security) {
        Properties props = new Properties();
        props.putAll(security);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        return props;
    }

    private static void cloudEvent(ProducerRecord<String, String> record, String type) {
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "attacker",
                "ce_time", Instant.now().toString(), "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode awaitSettled(MobileApi app, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = app.application(id, "en");
            return !"SUBMITTED".equals(last[0].get("status").asText());
        });
        return last[0];
    }

    private static JsonNode awaitStatus(MobileApi app, String id, String status) {
        return app.awaitStatus(id, status, "en", WAIT);
    }

    private static JsonNode verify(String credential) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PLATFORM.licenceIssuerBase() + "/api/v1/licences/verify"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("credential", credential).toString()))
                .build();
        return JSON.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** deploy/mint-token.sh with the platform's state folder (its keys). */
    private static String mint(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("deploy/mint-token.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(PLATFORM.root.toFile());
        builder.environment().put("ELICENCE_STATE_DIR", PLATFORM.state.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "mint-token.sh " + command);
        return out;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
