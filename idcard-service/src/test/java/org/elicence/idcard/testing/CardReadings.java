package org.elicence.idcard.testing;

import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.elicence.messaging.EventType;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardSideRead;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/**
 * The tests play application-service (an upload) and photo-audit-service (its reading): idcard-service's side of
 * the contract on the real broker and database. What photo-audit-service reads on real card photographs is tested
 * there (CardSideCheckerTest, CardReadingFlowTest) and end to end by the system tests.
 */
public final class CardReadings {

    /** What a rectified card and a licence portrait measure when photo-audit-service makes them. */
    public static final int CARD_WIDTH = 1284;
    public static final int CARD_HEIGHT = 810;
    public static final int PORTRAIT_WIDTH = 260;
    public static final int PORTRAIT_HEIGHT = 378;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalizedText FINE = new LocalizedText("通过。", "Passed.");

    private CardReadings() {
    }

    /** application-service's upload of one side by {@code uploaderId}; returns the upload id. */
    public static String upload(String applicationId, String uploaderId, IdCardSide side) {
        String uploadId = UUID.randomUUID().toString();
        publishUpload(applicationId, uploadId, uploaderId, side);
        return uploadId;
    }

    /** As {@link #upload}, under {@code uploadId}; returns the event's id. */
    public static String publishUpload(String applicationId, String uploadId, String uploaderId, IdCardSide side) {
        return KafkaTestClient.publish(applicationId, new IdCardSideUploaded(applicationId, uploaderId, uploadId,
                side, "image/jpeg", Base64.getEncoder().encodeToString(jpeg(1600, 1200)), Instant.now()));
    }

    /** idcard-service's request to read that upload, once it is on the broker, schema-checked. */
    public static JsonNode awaitRequest(String applicationId, String uploadId) {
        return await().atMost(WAIT).until(() -> KafkaTestClient.events(EventType.ID_CARD_READING_REQUESTED,
                data -> applicationId.equals(data.path("applicationId").asText())
                        && uploadId.equals(data.path("uploadId").asText())), list -> !list.isEmpty()).get(0);
    }

    /** photo-audit-service's answer to {@code request}: these checks, its images, and {@code hash}. */
    public static void answer(JsonNode request, List<RuleCheck> checks, Long hash) {
        IdCardSide side = IdCardSide.valueOf(request.get("side").asText());
        answer(request, checks, hash, side == IdCardSide.FRONT ? image(PORTRAIT_WIDTH, PORTRAIT_HEIGHT) : null);
    }

    /** As {@link #answer(JsonNode, List, Long)}, with this licence portrait (null: none could be made). */
    public static void answer(JsonNode request, List<RuleCheck> checks, Long hash, EncodedImage portrait) {
        IdCardSide side = IdCardSide.valueOf(request.get("side").asText());
        KafkaTestClient.publish(request.get("applicationId").asText(), new IdCardSideRead(
                request.get("applicationId").asText(), request.get("uploadId").asText(), side, checks,
                image(CARD_WIDTH, CARD_HEIGHT), portrait, hash));
    }

    /** Uploads a side and answers its reading with every check passed; returns the upload id. */
    public static String uploadAndRead(String applicationId, String uploaderId, IdCardSide side, long hash) {
        String uploadId = upload(applicationId, uploaderId, side);
        answer(awaitRequest(applicationId, uploadId), passed(side), hash);
        return uploadId;
    }

    /** Every rule photo-audit-service reports on a side, passed (ID15 is idcard-service's). */
    public static List<RuleCheck> passed(IdCardSide side) {
        List<String> rules = new ArrayList<>(List.of("INPUT", "ID1", "ID2", "ID3", "ID4", "ID5", "ID6", "ID7", "ID8"));
        rules.addAll(side == IdCardSide.FRONT
                ? List.of("ID9", "ID10", "ID11", "ID12", "ID13", "ID16", "ID17", "ID18", "ID19", "ID20")
                : List.of("ID14", "ID21"));
        return rules.stream().map(rule -> new RuleCheck(rule, "OK", RuleCheck.PASS, null, null, null, FINE)).toList();
    }

    /** {@code checks} with {@code rule} failed under {@code code}. */
    public static List<RuleCheck> failing(List<RuleCheck> checks, String rule, String code) {
        return checks.stream().map(check -> !check.rule().equals(rule) ? check
                : new RuleCheck(rule, code, RuleCheck.FAIL, null, null, null, new LocalizedText("不通过。", "Failed.")))
                .toList();
    }

    /** A JPEG of that size, as an event carries it. */
    public static EncodedImage image(int width, int height) {
        return new EncodedImage("image/jpeg", width, height, Base64.getEncoder().encodeToString(jpeg(width, height)));
    }

    /** A JPEG of noise of that size, as an event carries it: several MB where a card makes a few hundred KB. */
    public static EncodedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return new EncodedImage("image/jpeg", width, height, Base64.getEncoder().encodeToString(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xD8E4F0));
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
