package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.application.image.IntakeImages;
import org.elicence.messaging.memory.PayloadMemoryBudget;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.EventType;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;

/**
 * What an attacker or a careless client sends, against the real broker and database: every refusal is
 * problem+json with the right status, images are judged from their headers and stored without metadata, races
 * and parallel maximum-size uploads leave the service answering.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_test"))
@WithTestResource(JwtKeysTestResource.class)
class HostileInputApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    @Inject
    ObjectMapper json;

    @Inject
    PayloadMemoryBudget memory;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void jsonWithDuplicatedKeysOrNulCharactersAndBlankIdempotencyKeysAreRefused() {
        String token = Tokens.forApplicant("110101198001010011");
        for (String body : new String[] {"{\"fullName\":\"A\",\"fullName\":\"B\"}", "{\"fullName\":\"Zhang\\u0000Wei\"}",
            "{\"fullName\":\"Zhang\u0000Wei\"}"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/applications")
                    .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST"));
        }
        for (String key : new String[] {"", "   ", "\t"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body("{\"fullName\":\"Test\"}").post("/api/v1/applications")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));
        }
    }

    /** The name's limit counts what is stored: the spaces a phone's keyboard leaves around it are not the name. */
    @Test
    void aNamesLengthIsJudgedWithoutTheSpacesAroundIt() {
        String token = Tokens.forApplicant("110101198001010011");
        String longest = "张".repeat(100);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"fullName\":\"  " + longest + " \\t\"}")
                .post("/api/v1/applications").then().statusCode(201).body("fullName", equalTo(longest));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"fullName\":\"" + longest + "伟\"}")
                .post("/api/v1/applications").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"fullName\":\" \\t \"}")
                .post("/api/v1/applications").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedButClockSkewIsTolerated() {
        String applicant = "110101198001010038";
        String future = Jwt.subject(applicant).issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .issuedAt(Instant.now().plusSeconds(3600)).expiresAt(Instant.now().plusSeconds(7200)).sign();
        given().auth().oauth2(future).get("/api/v1/applications/" + java.util.UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        String skewed = Jwt.subject(applicant).issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .issuedAt(Instant.now().plusSeconds(20)).expiresAt(Instant.now().plusSeconds(600)).sign();
        given().auth().oauth2(skewed).get("/api/v1/applications/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void contentTypesAreMatchedExactlyAndImagesJudgedFromTheirHeaders() {
        String applicant = "110101198001010054";
        String id = create(applicant);
        String token = Tokens.forApplicant(applicant);
        byte[] jpeg = IntakeImages.jpeg(300, 400);
        for (String type : new String[] {"image/jpegxyz", "image/jpeg2", "image/pngx", "text/plain"}) {
            given().auth().oauth2(token).contentType(type).body(jpeg).put("/api/v1/applications/" + id + "/photo")
                    .then().statusCode(415).contentType("application/problem+json")
                    .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        }
        expect(token, id + "/photo", IntakeImages.png(1, 1), 422, "IMAGE_TOO_SMALL");
        expect(token, id + "/id-card/front", IntakeImages.png(600, 4), 422, "IMAGE_TOO_SMALL");
        expect(token, id + "/photo", IntakeImages.pngDeclaring(60000, 60000), 422, "IMAGE_TOO_MANY_PIXELS");
        expect(token, id + "/id-card/back", IntakeImages.jpegDeclaring(jpeg, 65000, 65000), 422, "IMAGE_TOO_MANY_PIXELS");
        // what a progressive JPEG or a 16-bit PNG costs to decode, and a JPEG of thousands of scans
        expect(token, id + "/photo", IntakeImages.jpegDeclaring(IntakeImages.progressiveJpeg(200, 200), 6000, 4500),
                422, "IMAGE_TOO_MANY_PIXELS");
        expect(token, id + "/id-card/front", IntakeImages.pngDeclaring(6000, 4500, 16), 422, "IMAGE_TOO_MANY_PIXELS");
        expect(token, id + "/photo", IntakeImages.withExtraScans(IntakeImages.progressiveJpeg(300, 400), 5000), 422,
                "IMAGE_UNREADABLE");
        expect(token, id + "/photo", java.util.Arrays.copyOf(jpeg, jpeg.length / 2), 422, "IMAGE_UNREADABLE");
        expect(token, id + "/id-card/front", java.util.Arrays.copyOf(jpeg, jpeg.length / 2), 422, "IMAGE_UNREADABLE");
    }

    @Test
    void metadataAndTrailingBytesAreStrippedAlikeOnThePhotoAndCardPaths() throws Exception {
        String applicant = "110101198001010070";
        String id = create(applicant);
        String token = Tokens.forApplicant(applicant);
        byte[] phone = IntakeImages.withTrailer(IntakeImages.withMetadata(IntakeImages.jpeg(600, 800), 6), "TRAILER");
        given().auth().oauth2(token).contentType("image/jpeg; charset=binary").body(phone)
                .put("/api/v1/applications/" + id + "/photo").then().statusCode(202);
        given().auth().oauth2(token).contentType("image/jpeg").body(phone)
                .put("/api/v1/applications/" + id + "/id-card/front").then().statusCode(202);

        ConsumerRecord<String, String> photo = kafka.await(Topics.PHOTO_AUDIT_REQUESTS, r -> id.equals(r.key()), WAIT);
        ConsumerRecord<String, String> card = kafka.await(Topics.IDCARD_UPLOADS, r -> id.equals(r.key())
                && EventType.ID_CARD_SIDE_UPLOADED.type().equals(KafkaTestClient.header(r, "ce_type")), WAIT);
        byte[] sentPhoto = image(photo);
        byte[] sentCard = image(card);
        assertTrue(java.util.Arrays.equals(sentPhoto, sentCard), "both paths keep exactly the same bytes");
        String sent = new String(sentPhoto, StandardCharsets.ISO_8859_1);
        for (String personal : IntakeImages.PERSONAL_TEXT) {
            assertFalse(sent.contains(personal), personal + " was sent");
        }
        assertFalse(sent.contains("TRAILER"));
        assertTrue(sent.contains("Exif\0\0MM"), "the orientation travels as a one-field EXIF");
    }

    @Test
    void theRateLimitSaysWhenToRetry() {
        String applicant = "110101198001010097";
        String id = create(applicant);
        String token = Tokens.forApplicant(applicant);
        byte[] jpeg = IntakeImages.jpeg(200, 200);
        int limit = ConfigProvider.getConfig().getValue("applications.uploads.per-applicant-limit", Integer.class);
        for (int i = 0; i < limit; i++) {
            given().auth().oauth2(token).contentType("image/jpeg").body(jpeg).put("/api/v1/applications/" + id + "/photo")
                    .then().statusCode(202);
        }
        String retryAfter = given().auth().oauth2(token).contentType("image/jpeg").body(jpeg)
                .put("/api/v1/applications/" + id + "/photo")
                .then().statusCode(429).contentType("application/problem+json").body("code", equalTo("TOO_MANY_UPLOADS"))
                .header("Retry-After", notNullValue()).extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60, retryAfter);
    }

    @Test
    void oversizedHeadersAndChunkedBodiesGetProblemDetails() throws Exception {
        String applicant = "110101198001010118";
        String id = create(applicant);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> headers = client.send(request("/api/v1/applications/" + id, applicant)
                .header("X-Padding", "x".repeat(20_000)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(headers, 431, "HEADERS_TOO_LARGE");
        // the same URI and header limits as every service (platform-messaging's RequestLimits)
        org.elicence.infra.RequestLimitProbe.assertLimitsAnswerProblemDetails(
                URI.create("http://localhost:" + io.restassured.RestAssured.port + "/"), "/api/v1/applications/" + id);

        // a chunked body (no Content-Length) above the upload limit, on an upload and on the JSON endpoint
        HttpResponse<String> chunkedUpload = client.send(request("/api/v1/applications/" + id + "/photo", applicant)
                .header("Content-Type", "image/jpeg").PUT(chunked(11 * 1024 * 1024, "\u00ff\u00d8\u00ff")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(chunkedUpload, 413, "IMAGE_TOO_LARGE");
        HttpResponse<String> chunkedJson = client.send(request("/api/v1/applications", applicant)
                .header("Content-Type", "application/json").POST(chunked(17 * 1024 * 1024, "{\"fullName\":\"")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(chunkedJson, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void uploadsRacingEachOtherOnOneApplicationAreNeverA500() throws Exception {
        String applicant = "110101198001010134";
        String id = create(applicant);
        String token = Tokens.forApplicant(applicant);
        byte[] jpeg = IntakeImages.jpeg(200, 200);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String path = i % 2 == 0 ? "/photo" : "/id-card/" + (i % 4 == 1 ? "front" : "back");
                answers.add(pool.submit(() -> given().auth().oauth2(token).contentType("image/jpeg").body(jpeg)
                        .put("/api/v1/applications/" + id + path)));
            }
            int accepted = 0;
            for (Future<io.restassured.response.Response> answer : answers) {
                io.restassured.response.Response response = answer.get();
                // 429: more than the applicant's four bodies arriving at once (applications.uploads.bodies-per-applicant)
                assertTrue(response.statusCode() == 202 || response.statusCode() == 409 || response.statusCode() == 429,
                        response.statusCode() + " " + response.asString());
                accepted += response.statusCode() == 202 ? 1 : 0;
                if (response.statusCode() != 202) {
                    assertEquals("application/problem+json", response.contentType());
                    assertEquals(response.statusCode() == 409 ? "CONCURRENT_UPDATE" : "UPLOADS_IN_PROGRESS",
                            response.path("code"));
                }
            }
            assertTrue(accepted >= 1, "uploads raced and at least one was taken");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Uploads refused before their bodies are read (here: no share of the upload memory budget within the admission
     * timeout) reach clients still sending as 503 with Retry-After, on one shared client as an app has. The server
     * drains a refused body (up to the limit) before answering: a connection closed with request bytes unread is
     * reset by the kernel, and a client still writing may then lose the answer.
     */
    @Test
    void clientsStillSendingTheirBodiesReadTheBusyAnswer() throws Exception {
        int maxBytes = ConfigProvider.getConfig().getValue("applications.uploads.max-bytes", Integer.class);
        byte[] largest = IntakeImages.noiseJpeg(maxBytes);
        List<String[]> targets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String applicant = "1101011980010103" + String.format("%02d", i);
            targets.add(new String[] {applicant, create(applicant)});
        }
        // one client for all, as an app's HTTP stack shares its connection pool
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        // the whole budget, once the relay has sent what earlier tests uploaded
        try (PayloadMemoryBudget.Reservation everything = memory.reserve(memory.budgetBytes(), Duration.ofSeconds(60))
                .orElseThrow()) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String[] target : targets) {
                answers.add(pool.submit(() -> client.send(request("/api/v1/applications/" + target[1] + "/photo", target[0])
                        .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(largest)).build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> busy = answer.get();
                assertProblem(busy, 503, "UPLOADS_BUSY");
                assertTrue(busy.headers().firstValue("Retry-After").isPresent());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A card side that does not exist is a 404 problem even with a 10 MiB body on its way, several at once (the body is
     * drained as every refusal's before the body is read; this run does not reproduce a lost answer without the drain).
     */
    @Test
    void aWrongCardSideIsA404ProblemWithItsBodyOnItsWay() throws Exception {
        int maxBytes = ConfigProvider.getConfig().getValue("applications.uploads.max-bytes", Integer.class);
        byte[] largest = IntakeImages.noiseJpeg(maxBytes);
        String applicant = "110101198001010398";
        String id = create(applicant);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String side : new String[] {"Front", "left", "FRONT", "back2"}) {
                answers.add(pool.submit(() -> client.send(request("/api/v1/applications/" + id + "/id-card/" + side,
                        applicant).header("Content-Type", "image/jpeg")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(largest)).build(), HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertProblem(answer.get(), 404, "NOT_FOUND");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * 16 uploads of the maximum size at once: all are answered (202, or 503 with Retry-After once the admission
     * timeout passes), the heap reserved for uploads never exceeded the budget, and the service stays ready.
     */
    @Test
    void sixteenParallelMaximumSizeUploadsLeaveTheServiceHealthy() throws Exception {
        int maxBytes = ConfigProvider.getConfig().getValue("applications.uploads.max-bytes", Integer.class);
        byte[] largest = IntakeImages.noiseJpeg(maxBytes);
        assertTrue(largest.length > maxBytes * 0.9, "a near-maximum upload: " + largest.length);
        List<String[]> targets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String applicant = "1101011980010102" + String.format("%02d", i);
            targets.add(new String[] {applicant, create(applicant)});
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        try {
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (String[] target : targets) {
                answers.add(pool.submit(() -> given().auth().oauth2(Tokens.forApplicant(target[0]))
                        .contentType("image/jpeg").body(largest).put("/api/v1/applications/" + target[1] + "/photo")));
            }
            int accepted = 0;
            for (Future<io.restassured.response.Response> answer : answers) {
                io.restassured.response.Response response = answer.get();
                assertTrue(response.statusCode() == 202 || response.statusCode() == 503 && response.header("Retry-After") != null,
                        response.statusCode() + " " + response.asString());
                accepted += response.statusCode() == 202 ? 1 : 0;
            }
            System.out.printf("16 parallel uploads of %d bytes: %d accepted in %d ms; payload heap reserved at most %d of %d bytes%n",
                    largest.length, accepted, (System.nanoTime() - started) / 1_000_000, memory.peakBytes(),
                    memory.budgetBytes());
            assertTrue(accepted >= 1);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(memory.peakBytes() <= memory.budgetBytes());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * A refused upload's body is read to its end only while counted (UploadAdmission.admitDrain): with four of one
     * applicant's bodies trickling in, a fifth refusal is answered at once and its connection closed, instead of
     * holding a worker thread for as long as its client sends (until 2026-12-07 every refusal was drained, and one
     * account sending a few hundred refused bodies a byte at a time held every worker thread for three minutes).
     */
    @Test
    void refusalsPastTheApplicantsBodiesArrivingAreAnsweredAtOnce() throws Exception {
        String applicant = "110101198001010462";
        String path = "/api/v1/applications/" + UUID.randomUUID() + "/photo"; // not the applicant's: 404
        List<java.net.Socket> trickling = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                trickling.add(trickle(applicant, path));
            }
            Thread.sleep(2_000); // the four refusals drain what their clients send
            try (java.net.Socket fifth = trickle(applicant, path)) {
                fifth.setSoTimeout(10_000); // the body timeout is 25 s in the tests: a drain would not answer in time
                java.io.InputStream in = fifth.getInputStream();
                String head = responseHead(in);
                assertTrue(head.startsWith("HTTP/1.1 404"), head);
                assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), head);
                // and closed once answered: Vert.x keeps a connection open by the request's headers alone, and the
                // unread body would hold it until the idle timeout
                int length = Integer.parseInt(head.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT)
                        .startsWith("content-length:")).findFirst().orElseThrow().substring(15).strip());
                assertEquals(length, in.readNBytes(length).length);
                int after;
                try {
                    after = in.read();
                } catch (java.net.SocketException reset) {
                    after = -1;
                }
                assertEquals(-1, after, "the connection is closed after the answer");
            }
            given().auth().oauth2(Tokens.forApplicant("110101198001010470")).get("/api/v1/applications")
                    .then().statusCode(200);
        } finally {
            for (java.net.Socket socket : trickling) {
                socket.close();
            }
        }
    }

    /** A connection that has sent an upload's headers, declaring the largest body, and its first three bytes. */
    private static java.net.Socket trickle(String applicant, String path) throws Exception {
        int maxBytes = ConfigProvider.getConfig().getValue("applications.uploads.max-bytes", Integer.class);
        java.net.Socket socket = new java.net.Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port);
        java.io.OutputStream out = socket.getOutputStream();
        out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.forApplicant(applicant) + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + maxBytes
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        out.flush();
        return socket;
    }

    /** The status line and headers of the answer on {@code in}. */
    private static String responseHead(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0) {
            head.append((char) c);
        }
        return head.toString();
    }

    /** A body declared empty, or sent chunked with nothing in it, is refused as empty, never read into a buffer. */
    @Test
    void anEmptyBodyIsRefusedAsEmpty() throws Exception {
        String applicant = "110101198001010411";
        String application = create(applicant);
        given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(new byte[0])
                .put("/api/v1/applications/" + application + "/photo").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("EMPTY_UPLOAD"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> chunked = client.send(request("/api/v1/applications/" + application + "/photo",
                applicant).header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArrays(List.of()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 400, "EMPTY_UPLOAD");
    }

    /**
     * A client that declares a maximum-size body and then sends almost nothing holds its body's share of the
     * transfer budget only: another applicant's upload is taken meanwhile and its event leaves through the outbox.
     * Until 2026-12-07 such an upload reserved the whole payload budget before its body was read, so every other
     * upload waited and was answered 503, and the outbox relay sent nothing, for as long as the client kept sending.
     * And it holds that share for {@code applications.uploads.body-timeout} at most (25 s in the tests): then its
     * connection is closed, however it keeps sending (UploadDeadline).
     */
    @Test
    void aSlowUploadHoldsNeitherOtherUploadsNorTheOutbox() throws Exception {
        int maxBytes = ConfigProvider.getConfig().getValue("applications.uploads.max-bytes", Integer.class);
        String slowApplicant = "110101198001010438";
        String slowApplication = create(slowApplicant);
        try (java.net.Socket slow = trickle(slowApplicant, "/api/v1/applications/" + slowApplication + "/photo")) {
            java.io.OutputStream out = slow.getOutputStream();
            Thread.sleep(1_000); // its share taken, it waits for the rest of its body
            String gauge = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                    .filter(line -> line.startsWith("upload_transfer_reserved_bytes")).findFirst().orElseThrow();
            assertTrue(Double.parseDouble(gauge.substring(gauge.lastIndexOf(' ') + 1)) >= maxBytes, gauge);

            // the same account's next upload waits for the first: one account cannot hold the whole transfer budget
            given().auth().oauth2(Tokens.forApplicant(slowApplicant)).contentType("image/jpeg").body(TestImages.jpeg())
                    .put("/api/v1/applications/" + slowApplication + "/photo").then().statusCode(429)
                    .contentType("application/problem+json").body("code", equalTo("UPLOADS_IN_PROGRESS"))
                    .header("Retry-After", notNullValue());

            String applicant = "110101198001010454";
            String application = create(applicant);
            given().auth().oauth2(Tokens.forApplicant(applicant)).contentType("image/jpeg").body(TestImages.jpeg())
                    .put("/api/v1/applications/" + application + "/photo").then().statusCode(202);
            kafka.await(Topics.PHOTO_AUDIT_REQUESTS, r -> application.equals(r.key()), WAIT);

            // a byte now and then, as a trickling client sends, until the service closes the connection
            slow.setSoTimeout(500);
            java.io.InputStream in = slow.getInputStream();
            long started = System.nanoTime();
            boolean closed = false;
            while (!closed && System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
                try {
                    out.write('x');
                    out.flush();
                    closed = in.read() < 0;
                } catch (java.net.SocketTimeoutException nothingYet) {
                    // still open
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            assertTrue(closed, "the connection of a body still arriving after the body timeout is closed");
        }
        // its share given back with the connection: the account uploads again
        // polled every 3 s: each refused try counts against the 20 uploads a minute
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.forApplicant(slowApplicant))
                .contentType("image/jpeg").body(TestImages.jpeg()).put("/api/v1/applications/" + slowApplication
                        + "/photo").then().statusCode(202));
    }

    private byte[] image(ConsumerRecord<String, String> record) throws Exception {
        JsonNode event = json.readTree(record.value());
        JsonNode image = event.has("image") ? event.get("image") : event;
        String base64 = image.has("base64") ? image.get("base64").asText() : event.get("imageBase64").asText();
        return Base64.getDecoder().decode(base64);
    }

    private static void expect(String token, String path, byte[] body, int status, String code) {
        given().auth().oauth2(token).contentType(body[0] == (byte) 0x89 ? "image/png" : "image/jpeg").body(body)
                .put("/api/v1/applications/" + path)
                .then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }

    private static HttpRequest.Builder request(String path, String applicant) {
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Tokens.forApplicant(applicant));
    }

    /** A body without Content-Length (chunked): {@code start}, then filler up to {@code bytes}. */
    private static HttpRequest.BodyPublisher chunked(int bytes, String start) {
        byte[] first = new byte[64 * 1024];
        java.util.Arrays.fill(first, (byte) 'a');
        byte[] head = start.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, first, 0, head.length);
        byte[] filler = new byte[64 * 1024];
        java.util.Arrays.fill(filler, (byte) 'a');
        List<byte[]> chunks = new ArrayList<>();
        chunks.add(first);
        for (int i = 1; i < bytes / filler.length; i++) {
            chunks.add(filler);
        }
        return HttpRequest.BodyPublishers.ofByteArrays(chunks);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"" + code + "\""), response.body());
    }

    private static String create(String applicant) {
        return given().auth().oauth2(Tokens.forApplicant(applicant)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Test Applicant\"}").post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
    }
}
