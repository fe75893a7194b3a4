package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.elicence.photoaudit.card.CardCheckConfig;
import org.elicence.photoaudit.card.OcrConfig;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.card.testing.CardHolder;
import org.elicence.photoaudit.card.testing.CardPhotos;
import org.elicence.photoaudit.card.testing.CardPhotos.Placement;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.RuleCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The automatic checks on generated card photographs and on real photographs that are not cards. */
class CardSideCheckerTest {

    private static final String ID = CardHolder.WANG_FANG.residentId();
    private static final String NAME = CardHolder.WANG_FANG.name();
    private static CardSideChecker checker;
    private static BufferedImage front;
    private static BufferedImage back;

    @BeforeAll
    static void setUp() {
        checker = checker();
        front = CardPhotos.renderFront(CardHolder.WANG_FANG);
        back = CardPhotos.renderBack(CardHolder.WANG_FANG);
    }

    @Test
    void aWellPhotographedFrontPassesAndYieldsTheLicencePortrait() {
        CardSideReport report = check(IdCardSide.FRONT, CardPhotos.photograph(front, Placement.SLIGHTLY_TILTED));
        assertEquals("PASS", report.verdict(), describe(report));
        Mat portrait = Imgcodecs.imdecode(new MatOfByte(report.portrait()), Imgcodecs.IMREAD_COLOR);
        assertEquals(260, portrait.cols());
        assertEquals(378, portrait.rows());
        Mat card = Imgcodecs.imdecode(new MatOfByte(report.rectifiedCard()), Imgcodecs.IMREAD_COLOR);
        assertEquals(1284, card.cols());
        assertEquals(810, card.rows());
        assertFalse(byRule(report).containsKey("ID15"), "idcard-service compares the sides");
    }

    @Test
    void aWellPhotographedBackPasses() {
        CardSideReport report = check(IdCardSide.BACK, CardPhotos.photograph(back, Placement.SLIGHTLY_TILTED));
        assertEquals("PASS", report.verdict(), describe(report));
        assertNull(report.portrait());
        assertTrue(byRule(report).keySet().stream().noneMatch(rule -> rule.equals("ID9") || rule.equals("ID16")),
                "portrait and ID-number rules are front rules");
    }

    @Test
    void anUpsideDownFrontIsTurnedUpright() {
        CardSideReport report = check(IdCardSide.FRONT, CardPhotos.upsideDown(front));
        assertEquals("PASS", report.verdict(), describe(report));
    }

    @Test
    void blurIsAFocusFailure() {
        assertFails(check(IdCardSide.FRONT, CardPhotos.blurred(front, 5)), "ID6");
    }

    @Test
    void glareIsReported() {
        assertFails(check(IdCardSide.BACK, CardPhotos.withGlare(back)), "ID7");
    }

    @Test
    void aCardCutOffByThePhotoEdgeIsReportedAsCropped() {
        assertFails(check(IdCardSide.BACK, CardPhotos.photograph(back, Placement.CUT_OFF_AT_LEFT)), "ID2");
    }

    @Test
    void aSteepAngleIsReported() {
        assertFails(check(IdCardSide.BACK, CardPhotos.photograph(back, Placement.STEEP)), "ID5");
    }

    @Test
    void aCardTooSmallToReadIsReported() {
        assertFails(check(IdCardSide.BACK, CardPhotos.lowResolution(back)), "ID4");
    }

    @Test
    void aMirroredFrontIsReported() {
        assertFails(check(IdCardSide.FRONT, CardPhotos.mirrored(front)), "ID13");
    }

    @Test
    void swappedSidesAreReportedOnBothSides() {
        assertFails(check(IdCardSide.FRONT, CardPhotos.photograph(back, Placement.SLIGHTLY_TILTED)), "ID9");
        assertFails(check(IdCardSide.BACK, CardPhotos.photograph(front, Placement.SLIGHTLY_TILTED)), "ID14");
    }

    /**
     * ID15 is idcard-service's, which holds both sides: it compares the hashes reported here and takes those within
     * 10 bits of each other (its idcard.sides.max-same-image-hash-distance) for the same picture.
     */
    @Test
    void thePerceptualHashTellsTheSamePictureFromTheOtherSide() {
        byte[] photo = CardPhotos.photograph(back, Placement.SLIGHTLY_TILTED);
        long first = check(IdCardSide.BACK, photo).perceptualHash();
        long again = checker.check(new CardSideUpload(IdCardSide.BACK, photo, ID, NAME)).perceptualHash();
        assertTrue(Long.bitCount(first ^ again) <= 10, "the same picture: " + Long.bitCount(first ^ again));
        long realFront = checker.check(new CardSideUpload(IdCardSide.FRONT,
                CardPhotos.photograph(front, Placement.SLIGHTLY_TILTED), ID, NAME)).perceptualHash();
        assertTrue(Long.bitCount(first ^ realFront) > 10, "front and back: " + Long.bitCount(first ^ realFront));
    }

    @Test
    void realPhotographsThatAreNotCardsFail() {
        for (String photo : new String[] {"grace_hopper.jpg", "astronaut.png"}) {
            CardSideReport report = check(IdCardSide.FRONT, CardPhotos.photoBytes(photo));
            assertEquals("FAIL", report.verdict(), photo + ": " + describe(report));
            Map<String, RuleCheck> rules = byRule(report);
            assertTrue(rules.get("ID1").failed() || rules.get("ID2").failed() || rules.get("ID3").failed(),
                    photo + " must fail as a card: " + describe(report));
        }
    }

    @Test
    void bytesThatAreNoImageFailAsInput() {
        CardSideReport report = check(IdCardSide.BACK, new byte[] {1, 2, 3, 4});
        assertFails(report, "INPUT");
        assertNull(report.rectifiedCard());
    }

    /** The number printed on the card is read and must be the applicant's: another citizen's card fails. */
    @Test
    void theNumberReadFromTheCardMustBeTheApplicants() {
        byte[] photo = CardPhotos.photograph(front, Placement.SLIGHTLY_TILTED);
        Map<String, RuleCheck> own = byRule(check(IdCardSide.FRONT, photo));
        for (String rule : new String[] {"ID16", "ID17", "ID18", "ID19"}) {
            assertEquals("PASS", own.get(rule).verdict(), rule + ": " + own.get(rule));
        }
        CardSideReport someoneElses = checker.check(new CardSideUpload(IdCardSide.FRONT, photo,
                CardHolder.LI_NA.residentId(), CardHolder.LI_NA.name()));
        assertFails(someoneElses, "ID19");
        assertEquals("ID_NUMBER_MISMATCH", byRule(someoneElses).get("ID19").code());
        assertEquals("PASS", byRule(someoneElses).get("ID16").verdict(), "the number itself was read");
    }

    /**
     * The name printed on the front is read and compared with the applicant's: PASS when it is theirs; another name,
     * or no name known yet, is left to staff (NOT_ASSESSABLE), never failed, and the result carries no name.
     */
    @Test
    void theNameReadFromTheCardIsComparedWithTheApplicants() {
        byte[] photo = CardPhotos.photograph(front, Placement.SLIGHTLY_TILTED);
        RuleCheck own = byRule(check(IdCardSide.FRONT, photo)).get("ID20");
        assertEquals("PASS", own.verdict(), own.toString());
        assertEquals("NAME_MATCHES_APPLICANT", own.code());

        CardSideReport otherName = checker.check(new CardSideUpload(IdCardSide.FRONT, photo, ID, "李娜"));
        RuleCheck differs = byRule(otherName).get("ID20");
        assertEquals("NOT_ASSESSABLE", differs.verdict(), differs.toString());
        assertEquals("NAME_NOT_CONFIRMED", differs.code());
        assertEquals("PASS", otherName.verdict(), "a name that differs does not fail the side");
        for (RuleCheck check : otherName.checks()) {
            assertTrue(!String.valueOf(check).contains("王芳") && !String.valueOf(check).contains("李娜"),
                    "no name in a result: " + check);
        }
        CardSideReport unknown = checker.check(new CardSideUpload(IdCardSide.FRONT, photo, ID, null));
        assertEquals("NOT_ASSESSABLE", byRule(unknown).get("ID20").verdict());
        assertEquals("NAME_MATCHES_APPLICANT", byRule(unknown).get("ID20").code());
    }

    /** The back's validity is read: a card within it passes ID21, an expired one fails with CARD_EXPIRED. */
    @Test
    void theValidityReadFromTheBackMustNotHaveEnded() {
        RuleCheck valid = byRule(check(IdCardSide.BACK, CardPhotos.photograph(back, Placement.SLIGHTLY_TILTED)))
                .get("ID21");
        assertEquals("PASS", valid.verdict(), valid.toString());
        CardSideReport expired = check(IdCardSide.BACK, CardPhotos.photograph(
                CardPhotos.renderBack(CardHolder.WANG_FANG.expired()), Placement.SLIGHTLY_TILTED));
        assertFails(expired, "ID21");
        assertEquals("CARD_EXPIRED", byRule(expired).get("ID21").code());
        RuleCheck longTerm = byRule(check(IdCardSide.BACK, CardPhotos.photograph(
                CardPhotos.renderBack(CardHolder.LIU_YANG), Placement.SLIGHTLY_TILTED))).get("ID21");
        assertEquals("PASS", longTerm.verdict(), "长期: " + longTerm);
    }

    /**
     * The validity's last day is a day in the issuing country, whatever zone the pod's clock runs in (UTC on
     * Kubernetes): a card valid to 2028.09.10 has expired at 03:00 in Beijing on the 11th, which is still the 10th in
     * UTC. Until 2026-12-07 the day was the JVM's default zone's, and the card passed until 08:00 Beijing time.
     */
    @Test
    void theValidityEndsAtMidnightInTheIssuingCountryNotInTheClocksZone() {
        byte[] photo = CardPhotos.photograph(back, Placement.SLIGHTLY_TILTED); // WANG Fang, 2008.09.10-2028.09.10
        RuleCheck lastEvening = byRule(checker(Instant.parse("2028-09-10T15:00:00Z")) // 23:00 on the 10th in Beijing
                .check(new CardSideUpload(IdCardSide.BACK, photo, ID, NAME))).get("ID21");
        assertEquals("PASS", lastEvening.verdict(), lastEvening.toString());
        RuleCheck nextMorning = byRule(checker(Instant.parse("2028-09-10T19:00:00Z")) // 03:00 on the 11th in Beijing
                .check(new CardSideUpload(IdCardSide.BACK, photo, ID, NAME))).get("ID21");
        assertEquals("FAIL", nextMorning.verdict(), nextMorning.toString());
        assertEquals("CARD_EXPIRED", nextMorning.code());
    }

    /** A number hidden (or forged with a wrong check character) is not read: left to staff, the side not failed. */
    @Test
    void aNumberThatCannotBeReadGoesToStaffWithItsReason() {
        BufferedImage hidden = CardPhotos.renderFront(CardHolder.WANG_FANG);
        java.awt.Graphics2D g = hidden.createGraphics();
        g.setColor(new java.awt.Color(230, 232, 236));
        g.fillRect(290, 425, 540, 60);
        g.dispose();
        CardSideReport report = check(IdCardSide.FRONT, CardPhotos.photograph(hidden, Placement.SLIGHTLY_TILTED));
        assertEquals("PASS", report.verdict(), describe(report));
        RuleCheck read = byRule(report).get("ID16");
        assertEquals("NOT_ASSESSABLE", read.verdict());
        assertEquals("ID_NUMBER_UNREADABLE", read.code());
        assertEquals("NOT_ASSESSABLE", byRule(report).get("ID19").verdict());

        CardHolder forged = new CardHolder("440305197806141285", "王芳", "WANG Fang", "女", "广东省深圳市福田区示例路6号",
                "深圳市公安局福田分局", "2008.09.10-2028.09.10", "frl_002.jpg");
        CardSideReport wrongCheck = check(IdCardSide.FRONT,
                CardPhotos.photograph(CardPhotos.renderFront(forged), Placement.SLIGHTLY_TILTED));
        assertEquals("ID_NUMBER_UNREADABLE", byRule(wrongCheck).get("ID16").code(), describe(wrongCheck));
    }

    /** A phone JPEG with data after its end marker is the image before it; a JPEG cut short is refused. */
    @Test
    void bytesAfterTheJpegEndAreIgnoredAndACutJpegIsRefused() {
        byte[] photo = CardPhotos.photograph(back, Placement.SLIGHTLY_TILTED);
        byte[] trailer = java.util.Arrays.copyOf(photo, photo.length + 5000);
        java.util.Arrays.fill(trailer, photo.length, trailer.length, (byte) 0x5A);
        assertEquals("PASS", check(IdCardSide.BACK, trailer).verdict());
        CardSideReport cut = check(IdCardSide.BACK, java.util.Arrays.copyOf(photo, photo.length * 2 / 3));
        assertFails(cut, "INPUT");
        assertEquals("IMAGE_TRUNCATED", byRule(cut).get("INPUT").code());
    }

    static CardSideChecker checker() {
        return checker(new SmallRyeConfigBuilder());
    }

    /** A checker whose OCR engines are kept idle for {@code keepIdle} ({@code card-reading.ocr.engine-keep-idle}). */
    static CardSideChecker checker(java.time.Duration keepIdle) {
        return checker(new SmallRyeConfigBuilder().withSources(new io.smallrye.config.PropertiesConfigSource(
                java.util.Map.of("card-reading.ocr.engine-keep-idle", keepIdle.toString()), "test", 500)));
    }

    private static CardSideChecker checker(SmallRyeConfigBuilder builder) {
        return checker(builder, Instant.parse("2026-06-01T00:00:00Z"));
    }

    /** A checker whose clock (in UTC, as a pod's) stands at {@code now}. */
    private static CardSideChecker checker(Instant now) {
        return checker(new SmallRyeConfigBuilder(), now);
    }

    private static CardSideChecker checker(SmallRyeConfigBuilder builder, Instant now) {
        SmallRyeConfig config = builder.withMapping(CardCheckConfig.class).withMapping(OcrConfig.class).build();
        return new CardSideChecker(config.getConfigMapping(CardCheckConfig.class),
                config.getConfigMapping(OcrConfig.class), new PhotoAuditor(TestConfigs.defaults()),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /**
     * A failure no check foresaw (here an ArithmeticException thrown inside the check, by a clock made to throw it
     * when the card's dates are judged) still ends in a verdict the applicant can act on at once, every rule
     * present, not an exception that the consumer would run three more times before dead-lettering the side.
     */
    @Test
    void aFailureNoCheckForesawIsAVerdictWithEveryRule() {
        Clock failing = new Clock() {
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                throw new ArithmeticException("long overflow");
            }
        };
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(CardCheckConfig.class)
                .withMapping(OcrConfig.class).build();
        CardSideChecker checker = new CardSideChecker(config.getConfigMapping(CardCheckConfig.class),
                config.getConfigMapping(OcrConfig.class), new PhotoAuditor(TestConfigs.defaults()), failing);
        byte[] photo = CardPhotos.photograph(front, Placement.SLIGHTLY_TILTED);
        CardSideReport report = checker.check(new CardSideUpload(IdCardSide.FRONT, photo, ID, NAME));
        assertEquals("FAIL", report.verdict(), describe(report));
        assertEquals("IMAGE_NOT_PROCESSABLE", byRule(report).get("INPUT").code());
        assertEquals(rules(check(IdCardSide.FRONT, new byte[] {1, 2, 3})), rules(report),
                "the rules an unreadable upload is reported on");
    }

    @Test
    void checksRunningConcurrentlyMeasureExactlyWhatOneCheckMeasures() throws Exception {
        byte[] photo = CardPhotos.photograph(front, Placement.SLIGHTLY_TILTED);
        String alone = fingerprint(checker.check(new CardSideUpload(IdCardSide.FRONT, photo, ID, NAME)));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                runs.add(threads.submit(() -> fingerprint(checker.check(new CardSideUpload(IdCardSide.FRONT, photo,
                        ID, NAME)))));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertEquals(alone, runs.get(i).get(), "run " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String fingerprint(CardSideReport report) {
        return report.checks().stream().map(c -> c.rule() + "=" + c.verdict() + "@" + c.measured()).toList().toString();
    }

    private static CardSideReport check(IdCardSide side, byte[] photo) {
        CardSideReport report = checker.check(new CardSideUpload(side, photo, ID, NAME));
        assertNotNull(report.checks());
        System.out.println(side + " " + describe(report));
        return report;
    }

    private static void assertFails(CardSideReport report, String rule) {
        assertEquals("FAIL", report.verdict(), describe(report));
        RuleCheck check = byRule(report).get(rule);
        assertNotNull(check, rule + " missing: " + describe(report));
        assertTrue(check.failed(), rule + " should fail: " + describe(report));
        assertTrue(check.message().zhCN().length() > 3 && check.message().en().length() > 3);
    }

    private static List<String> rules(CardSideReport report) {
        return report.checks().stream().map(RuleCheck::rule).toList();
    }

    private static Map<String, RuleCheck> byRule(CardSideReport report) {
        return report.checks().stream().collect(Collectors.toMap(RuleCheck::rule, Function.identity()));
    }

    private static String describe(CardSideReport report) {
        return report.checks().stream()
                .map(c -> c.rule() + "=" + c.verdict() + (c.measured() == null ? "" : "(" + c.measured() + ")"))
                .collect(Collectors.joining(" "));
    }
}
