package org.elicence.system;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The bad-input cases of issue 14, sent to the live platform: strict JSON (duplicated keys, NUL characters, also on
 * the public /verify), blank idempotency keys, tokens from the future, inexact content types, degenerate image
 * sizes, pixel bombs on the card path, oversized headers and URIs, chunked bodies, Retry-After, trailing bytes, and EXIF
 * metadata (GPS, owner) that must not reach the audit's topic. The parallel maximum-size uploads are
 * {@link ParallelMaximumUploads}.
 */
final class HostileRequests {

    /** BadInputIT's check: records the case in the report and a failure unless a listed status came as problem+json. */
    interface Check {
        void expect(List<String> failures, String name, MobileApi.Reply reply, int... statuses);
    }

    private final LocalPlatform platform;
    private final Check check;
    private final StringBuilder report;

    HostileRequests(LocalPlatform platform, Check check, StringBuilder report) {
        this.platform = platform;
        this.check = check;
        this.report = report;
    }

    List<String> requests(String applicant, String rateLimitedApplicant) throws Exception {
        List<String> failures = new ArrayList<>();
        MobileApi app = new MobileApi(platform.apiBase(), platform.tokenFor(applicant));
        String base = "/api/v1/applications";
        String id = app.createApplication("申请人");
        check.expect(failures, "JSON with a key twice", app.send("POST", base, "application/json",
                bytes("{\"fullName\":\"A\",\"fullName\":\"B\"}")), 400);
        check.expect(failures, "NUL character (escaped) in fullName", app.send("POST", base, "application/json",
                bytes("{\"fullName\":\"Zhang\\u0000Wei\"}")), 400);
        check.expect(failures, "NUL byte in fullName", app.send("POST", base, "application/json",
                bytes("{\"fullName\":\"Zhang\u0000Wei\"}")), 400);
        for (String key : new String[] {"", "   "}) {
            check.expect(failures, "Idempotency-Key \"" + key + "\"", send(request(base, platform.tokenFor(applicant))
                    .header("Idempotency-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"fullName\":\"x\"}"))), 400);
        }
        check.expect(failures, "token issued an hour in the future", new MobileApi(platform.apiBase(),
                platform.tokenIssuedIn(applicant, 3600)).get(base + "/" + id), 401);
        MobileApi verifier = new MobileApi(platform.licenceIssuerBase(), null);
        check.expect(failures, "/verify: JSON with a key twice", verifier.send("POST", "/api/v1/licences/verify",
                "application/json", bytes("{\"credential\":\"a.b.c\",\"credential\":\"d.e.f\"}")), 400);
        check.expect(failures, "/verify: NUL character", verifier.send("POST", "/api/v1/licences/verify",
                "application/json", bytes("{\"credential\":\"a.b\\u0000c\"}")), 400);
        check.expect(failures, "20,000 bytes of headers", send(request(base + "/" + id, platform.tokenFor(applicant))
                .header("X-Padding", "x".repeat(20_000)).GET()), 431);
        // over RequestLimits' 4096 characters, under the HTTP server's own 16 KiB (past which its answer is bare)
        check.expect(failures, "URI of 8,000 characters", app.get(base + "/" + id + "?q=" + "x".repeat(8_000)), 414);
        check.expect(failures, "/verify: URI of 8,000 characters",
                verifier.get("/api/v1/licences/verify?q=" + "x".repeat(8_000)), 414);
        check.expect(failures, "chunked upload of 11 MiB", send(request(base + "/" + id + "/photo",
                platform.tokenFor(applicant)).header("Content-Type", "image/jpeg")
                .PUT(chunked(11 << 20, "\u00ff\u00d8\u00ff"))), 413);
        check.expect(failures, "chunked JSON of 17 MiB", send(request(base, platform.tokenFor(applicant))
                .header("Content-Type", "application/json").POST(chunked(17 << 20, "{\"fullName\":\""))), 413);

        byte[] portrait = Journey.resource("photos/grace_hopper.jpg");
        check.expect(failures, "Content-Type image/jpegxyz", app.upload(id, "/photo", "image/jpegxyz", portrait), 415);
        for (int[] size : new int[][] {{1, 1}, {4, 4}, {1, 600}, {600, 4}}) {
            check.expect(failures, "photo of " + size[0] + "x" + size[1] + " pixels",
                    app.upload(id, "/photo", "image/png", png(size[0], size[1])), 422);
            check.expect(failures, "card side of " + size[0] + "x" + size[1] + " pixels",
                    app.upload(id, "/id-card/front", "image/png", png(size[0], size[1])), 422);
        }
        check.expect(failures, "card side: PNG of a few hundred bytes declaring 20000x20000 pixels",
                app.upload(id, "/id-card/front", "image/png", HostileImages.pngBomb(20_000, 20_000)), 422);
        failures.addAll(metadataStrippedBeforeTheTopic(app, id, portrait));
        byte[] withTrailer = concat(portrait, bytes("trailing bytes a phone appended"));
        int photo = app.upload(id, "/photo", "image/jpeg", withTrailer).status();
        int card = app.upload(id, "/id-card/back", "image/jpeg", withTrailer).status();
        report.append("| JPEG with bytes after its end marker, photo and card | ").append(photo).append(", ").append(card)
                .append(" |\n");
        if (photo != 202 || card != 202) {
            failures.add("trailing bytes after the JPEG end → photo " + photo + ", card " + card);
        }

        MobileApi limited = new MobileApi(platform.apiBase(), platform.tokenFor(rateLimitedApplicant));
        String limitedId = limited.createApplication("申请人");
        MobileApi.Reply last = null;
        for (int i = 0; i < 25 && (last == null || last.status() != 429); i++) {
            last = limited.upload(limitedId, "/photo", "image/jpeg", portrait);
        }
        check.expect(failures, "upload over the rate limit", last, 429);
        if (last.status() == 429 && last.retryAfter() == null) {
            failures.add("429 without Retry-After");
        }
        return failures;
    }

    /**
     * A portrait whose EXIF block carries a GPS position and an owner's name: the image that reaches the audit's
     * topic (and so every store after it) holds neither; only the orientation may remain.
     */
    private List<String> metadataStrippedBeforeTheTopic(MobileApi app, String id, byte[] portrait) throws Exception {
        String sentinel = "GPSLatitude 39.904211N GPSLongitude 116.407395E Owner ZHANG-Wei-sentinel";
        byte[] tagged = withExifApp1(portrait, sentinel);
        MobileApi.Reply upload = app.upload(id, "/photo", "image/jpeg", tagged);
        if (upload.status() != 202) {
            return List.of("photo with EXIF GPS and owner → " + upload.status());
        }
        String photoId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(upload.body()).path("photoId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : org.elicence.infra.KafkaTestClient.readAll(platform.kafkaBootstrap(), "photo-audit-requests")) {
                var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value());
                if (id.equals(record.key()) && photoId.equals(event.path("photoId").asText())) {
                    byte[] sent = java.util.Base64.getDecoder().decode(event.path("imageBase64").asText());
                    boolean leaked = new String(sent, StandardCharsets.ISO_8859_1).contains("sentinel");
                    report.append("| JPEG with EXIF GPS position and owner's name: on the audit's topic | ")
                            .append(leaked ? "metadata LEAKED" : "stripped (" + (tagged.length - sent.length) + " bytes fewer)")
                            .append(" |\n");
                    return leaked ? List.of("EXIF GPS/owner reached photo-audit-requests") : List.of();
                }
            }
            Thread.sleep(500);
        }
        return List.of("photo with EXIF GPS and owner never reached photo-audit-requests");
    }

    /** The JPEG with an APP1 Exif segment (an empty IFD0, then {@code text}) right after its start marker. */
    private static byte[] withExifApp1(byte[] jpeg, String text) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0};
        byte[] payload = concat(concat(bytes("Exif\0\0"), tiff), bytes(text));
        int length = payload.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, payload);
        return concat(concat(java.util.Arrays.copyOf(jpeg, 2), segment), java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(platform.apiBase() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private static MobileApi.Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new MobileApi.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }

    /** A body without Content-Length (chunked): {@code start}, then filler up to {@code bytes}. */
    private static HttpRequest.BodyPublisher chunked(int bytes, String start) {
        byte[] first = new byte[64 * 1024];
        java.util.Arrays.fill(first, (byte) 'a');
        byte[] head = start.getBytes(StandardCharsets.ISO_8859_1);
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

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
