package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import org.elicence.photoaudit.card.OcrConfig;
import org.elicence.photoaudit.card.testing.CardHolder;
import org.elicence.photoaudit.card.testing.CardPhotos;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.RuleCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.imgcodecs.Imgcodecs;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * How well the citizen number is read from card photos (docs/idcard.md "Reading accuracy"): the ten test card
 * holders (real portraits, the real card's layout), each photographed twice under every condition, checked
 * by the full pipeline (find, rectify, turn upright, read). Per condition: numbers read right, not read (left to
 * staff) and read wrong (a wrong number taken for the printed one: must never happen), the side's picture
 * verdict, and the reading's time. Writes target/idcard-number-accuracy.md. Regenerate with
 * {@code ./mvnw -o -pl idcard-service -am verify -Dtest=IdNumberReadingAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class IdNumberReadingAccuracyTest {

    private static final int SHOTS = 2;
    private static CardSideChecker checker;
    private static IdNumberReader reader;

    /** A photographing condition: the photo of a card, given a random source for its variation. */
    static final Map<String, BiFunction<java.awt.image.BufferedImage, Random, byte[]>> CONDITIONS =
            new LinkedHashMap<>();

    static {
        CONDITIONS.put("head-on, good light", (card, r) -> CardPhotos.photographAt(card,
                CardPhotos.corners(1000 + r.nextInt(150), r.nextDouble(-3, 3), r.nextDouble(0, 0.04))));
        CONDITIONS.put("at an angle (edges 0.80-0.88)", (card, r) -> CardPhotos.photographAt(card,
                CardPhotos.corners(1000, r.nextDouble(-8, 8), r.nextDouble(0.12, 0.19))));
        CONDITIONS.put("steep angle (edges 0.70-0.75, ID5 fails)", (card, r) -> CardPhotos.photographAt(card,
                CardPhotos.corners(1000, r.nextDouble(-5, 5), r.nextDouble(0.25, 0.30))));
        CONDITIONS.put("turned 15-30 degrees in the picture", (card, r) -> CardPhotos.photographAt(card,
                CardPhotos.corners(900, (r.nextBoolean() ? 1 : -1) * r.nextDouble(15, 30), 0.03)));
        CONDITIONS.put("poor light (35 % brightness, shadow, noise)", (card, r) -> CardPhotos.dim(card, 0.35, 6,
                r.nextLong(), CardPhotos.corners(1000, r.nextDouble(-5, 5), 0.05)));
        CONDITIONS.put("very poor light (20 %, noise)", (card, r) -> CardPhotos.dim(card, 0.20, 8, r.nextLong(),
                CardPhotos.corners(1000, r.nextDouble(-5, 5), 0.05)));
        CONDITIONS.put("low resolution (card 500 px wide, ID4 fails)", (card, r) -> CardPhotos.scaled(card, 0.5,
                CardPhotos.corners(1000, r.nextDouble(-5, 5), 0.05)));
        CONDITIONS.put("very low resolution (card 330 px wide)", (card, r) -> CardPhotos.scaled(card, 0.33,
                CardPhotos.corners(1000, r.nextDouble(-5, 5), 0.05)));
        CONDITIONS.put("tiny (card 250 px wide)", (card, r) -> CardPhotos.scaled(card, 0.25,
                CardPhotos.corners(1000, r.nextDouble(-5, 5), 0.05)));
        CONDITIONS.put("out of focus (Gaussian blur 3-5 px, ID6 fails)", (card, r) -> CardPhotos.blurred(card,
                3 + 2 * r.nextDouble()));
    }

    @BeforeAll
    static void setUp() {
        checker = CardSideCheckerTest.checker();
        reader = new IdNumberReader(new SmallRyeConfigBuilder().withMapping(OcrConfig.class).build()
                .getConfigMapping(OcrConfig.class));
    }

    @Test
    void numbersAreReadRightOrNotAtAllUnderEveryCondition() throws Exception {
        Random random = new Random(20260601);
        StringBuilder table = new StringBuilder("| condition | photos | read right | not read | read wrong "
                + "| side passed | reading ms (median / max) |\n|---|---|---|---|---|---|---|\n");
        Map<String, int[]> totals = new LinkedHashMap<>();
        for (var condition : CONDITIONS.entrySet()) {
            int right = 0;
            int notRead = 0;
            int wrong = 0;
            int passed = 0;
            List<Long> millis = new ArrayList<>();
            for (CardHolder holder : CardHolder.ALL) {
                var front = CardPhotos.renderFront(holder);
                for (int shot = 0; shot < SHOTS; shot++) {
                    byte[] photo = condition.getValue().apply(front, random);
                    CardSideReport report = checker.check(new CardSideUpload(IdCardSide.FRONT, photo,
                            holder.residentId(), holder.name()));
                    Map<String, RuleCheck> rules = new LinkedHashMap<>();
                    report.checks().forEach(check -> rules.put(check.rule(), check));
                    passed += report.passed() ? 1 : 0;
                    RuleCheck match = rules.get("ID19");
                    if (RuleCheck.PASS.equals(match.verdict())) {
                        right++;
                    } else if (match.failed()) {
                        wrong++;
                    } else {
                        notRead++;
                    }
                    if (report.rectifiedCard() != null) {
                        millis.add(timeReading(report.rectifiedCard()));
                    }
                }
            }
            int photos = CardHolder.ALL.size() * SHOTS;
            totals.put(condition.getKey(), new int[] {photos, right, notRead, wrong});
            millis.sort(null);
            table.append(String.format("| %s | %d | %d (%.0f %%) | %d | %d | %d | %s |%n", condition.getKey(), photos,
                    right, 100.0 * right / photos, notRead, wrong, passed,
                    millis.isEmpty() ? "-" : millis.get(millis.size() / 2) + " / " + millis.get(millis.size() - 1)));
        }
        System.out.println(table);
        Path report = Path.of("target", "idcard-number-accuracy.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table.toString());

        totals.forEach((condition, t) -> assertEquals(0, t[3], condition + ": a wrong number was taken as read"));
        // Floors a little under what was measured (docs/idcard.md), so that a regression in reading shows.
        for (String condition : List.of("head-on, good light", "at an angle (edges 0.80-0.88)",
                "turned 15-30 degrees in the picture", "poor light (35 % brightness, shadow, noise)",
                "low resolution (card 500 px wide, ID4 fails)")) {
            assertTrue(totals.get(condition)[1] >= 19, condition + ": " + totals.get(condition)[1] + " of 20 read");
        }
    }

    /** The reading alone, on the rectified card the check kept (the orientation found by the portrait check). */
    private static long timeReading(byte[] rectifiedJpeg) {
        Mat card = Imgcodecs.imdecode(new MatOfByte(rectifiedJpeg), Imgcodecs.IMREAD_COLOR);
        try {
            long start = System.nanoTime();
            reader.read(card);
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            card.release();
        }
    }
}
