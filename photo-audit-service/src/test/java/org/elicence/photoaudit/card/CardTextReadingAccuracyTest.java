package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.elicence.photoaudit.card.OcrConfig;
import org.elicence.photoaudit.card.testing.CardHolder;
import org.elicence.photoaudit.card.testing.CardPhotos;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.RuleCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * How well the name on the front (ID20) and the validity on the back (ID21) are read from card photos
 * (docs/idcard.md "Reading accuracy"), under the conditions of {@link IdNumberReadingAccuracyTest}: the ten test
 * holders, each front photographed twice per condition and checked by the full pipeline with the holder's own name
 * as the applicant's; each back photographed twice, once as issued and once with a validity that ended years ago
 * ({@link CardHolder#expired()}). Names: read right (PASS), read as another name (NAME_NOT_CONFIRMED, left to
 * staff), not read; and, for the first photo of each card, whether the reader takes it for the next holder's (must
 * never happen) and the time of the reading. Validities: the verdict right (PASS as issued, CARD_EXPIRED when
 * expired), not read, the verdict wrong (must never happen), the dates read exactly, and other dates taken as a
 * self-consistent reading (must never happen: ID21 fails a card on such a reading). Times are the Chinese engine's
 * start plus the reading on the rectified card. Writes target/idcard-name-validity-accuracy.md. Regenerate with
 * {@code ./mvnw -o -pl idcard-service -am verify -Dtest=CardTextReadingAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CardTextReadingAccuracyTest {

    private static final int SHOTS = 2;
    /** The checker's clock (CardSideCheckerTest.checker). */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static CardSideChecker checker;
    private static OcrConfig config;
    private static TesseractModel chinese;

    @BeforeAll
    static void setUp() {
        checker = CardSideCheckerTest.checker();
        config = new SmallRyeConfigBuilder().withMapping(OcrConfig.class).build().getConfigMapping(OcrConfig.class);
        // an engine started for each reading, as the times below say (a start plus the reading)
        chinese = new TesseractModel(config.tessdataLocation(), config.chineseLanguage(), java.time.Duration.ZERO);
    }

    @Test
    void namesAreReadRightOrLeftToStaffAndNeverTakenForAnothers() throws Exception {
        NameReader names = new NameReader(config.name());
        Random random = new Random(20261201);
        StringBuilder table = new StringBuilder("| condition | photos | name read right | read as another name "
                + "| not read | taken for the next holder's | ms (median / max) |\n|---|---|---|---|---|---|---|\n");
        Map<String, int[]> totals = new LinkedHashMap<>();
        List<String> misreadings = new ArrayList<>();
        for (var condition : IdNumberReadingAccuracyTest.CONDITIONS.entrySet()) {
            int right = 0;
            int other = 0;
            int notRead = 0;
            int takenForAnother = 0;
            List<Long> millis = new ArrayList<>();
            for (int h = 0; h < CardHolder.ALL.size(); h++) {
                CardHolder holder = CardHolder.ALL.get(h);
                CardHolder another = CardHolder.ALL.get((h + 1) % CardHolder.ALL.size());
                var front = CardPhotos.renderFront(holder);
                for (int shot = 0; shot < SHOTS; shot++) {
                    byte[] photo = condition.getValue().apply(front, random);
                    CardSideReport report = checker.check(new CardSideUpload(IdCardSide.FRONT, photo,
                            holder.residentId(), holder.name()));
                    RuleCheck name = report.checks().stream().filter(check -> check.rule().equals("ID20"))
                            .findFirst().orElseThrow();
                    if (RuleCheck.PASS.equals(name.verdict())) {
                        right++;
                    } else if (NameMatchesApplicantCheck.NAME_NOT_CONFIRMED.equals(name.code())) {
                        other++;
                    } else {
                        notRead++;
                    }
                    assertTrue(!name.failed(), "a name is never failed");
                    if (report.rectifiedCard() == null || shot > 0) {
                        continue;
                    }
                    // One photo of each card: the reading's time, and whether it is ever taken for another's.
                    Mat card = Imgcodecs.imdecode(new MatOfByte(report.rectifiedCard()), Imgcodecs.IMREAD_COLOR);
                    try {
                        long start = System.nanoTime();
                        try (TesseractOcr ocr = chinese.open(null)) {
                            Optional<NameReader.Reading> read = names.read(card, ocr, holder.name());
                            millis.add((System.nanoTime() - start) / 1_000_000);
                            read.filter(r -> !r.name().equals(holder.name()))
                                    .ifPresent(r -> misreadings.add(holder.name() + " -> " + r.name() + " ("
                                            + Math.round(r.minConfidence()) + "), " + condition.getKey()));
                            if (names.read(card, ocr, another.name())
                                    .filter(r -> r.name().equals(another.name())).isPresent()) {
                                takenForAnother++;
                            }
                        }
                    } finally {
                        card.release();
                    }
                }
            }
            int photos = CardHolder.ALL.size() * SHOTS;
            totals.put(condition.getKey(), new int[] {photos, right, other, notRead, takenForAnother});
            millis.sort(null);
            table.append(String.format("| %s | %d | %d (%.0f %%) | %d | %d | %d of %d | %s |%n", condition.getKey(),
                    photos, right, 100.0 * right / photos, other, notRead, takenForAnother, CardHolder.ALL.size(),
                    millis.isEmpty() ? "-" : millis.get(millis.size() / 2) + " / " + millis.get(millis.size() - 1)));
        }
        table.append("\nNames read as another name on the first photo of a card, with the engine's lowest confidence in a "
                + "character:\n\n");
        misreadings.forEach(line -> table.append("- ").append(line).append('\n'));
        write("names", table);

        totals.forEach((condition, t) -> assertEquals(0, t[4], condition + ": a card taken for another holder's"));
        // Floors a little under what was measured (docs/idcard.md), so that a regression in reading shows.
        for (String condition : List.of("head-on, good light", "at an angle (edges 0.80-0.88)",
                "turned 15-30 degrees in the picture", "poor light (35 % brightness, shadow, noise)",
                "low resolution (card 500 px wide, ID4 fails)")) {
            assertTrue(totals.get(condition)[1] >= NAME_FLOOR, condition + ": " + totals.get(condition)[1]
                    + " of 20 names read");
        }
    }

    private static final int NAME_FLOOR = 16;
    private static final int VALIDITY_FLOOR = 19;

    @Test
    void validitiesAreJudgedRightOrLeftToStaff() throws Exception {
        ValidityReader validities = new ValidityReader(config.validity());
        Random random = new Random(20261202);
        StringBuilder table = new StringBuilder("| condition | photos (half expired) | verdict right | not read "
                + "| verdict wrong | dates read exactly | other dates read | ms (median / max) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        Map<String, int[]> totals = new LinkedHashMap<>();
        for (var condition : IdNumberReadingAccuracyTest.CONDITIONS.entrySet()) {
            int right = 0;
            int notRead = 0;
            int wrong = 0;
            int exact = 0;
            int misread = 0;
            List<Long> millis = new ArrayList<>();
            for (CardHolder issued : CardHolder.ALL) {
                for (int shot = 0; shot < SHOTS; shot++) {
                    CardHolder holder = shot == 0 ? issued : issued.expired();
                    boolean expired = shot == 1;
                    byte[] photo = condition.getValue().apply(CardPhotos.renderBack(holder), random);
                    CardSideReport report = checker.check(new CardSideUpload(IdCardSide.BACK, photo,
                            holder.residentId(), holder.name()));
                    RuleCheck validity = report.checks().stream().filter(check -> check.rule().equals("ID21"))
                            .findFirst().orElseThrow();
                    if (RuleCheck.NOT_ASSESSABLE.equals(validity.verdict())) {
                        notRead++;
                    } else if (validity.failed() == expired) {
                        right++;
                    } else {
                        wrong++;
                    }
                    if (report.rectifiedCard() == null) {
                        continue;
                    }
                    Mat card = Imgcodecs.imdecode(new MatOfByte(report.rectifiedCard()), Imgcodecs.IMREAD_COLOR);
                    try {
                        long start = System.nanoTime();
                        Optional<ValidityReader.Validity> read;
                        try (TesseractOcr ocr = chinese.open(ValidityReader.ALPHABET)) {
                            read = validities.read(card, ocr);
                        }
                        millis.add((System.nanoTime() - start) / 1_000_000);
                        if (read.equals(ValidityReader.parse(holder.validity()))) {
                            exact++;
                        } else if (read.isPresent()) {
                            misread++;
                        }
                    } finally {
                        card.release();
                    }
                }
            }
            int photos = CardHolder.ALL.size() * SHOTS;
            totals.put(condition.getKey(), new int[] {photos, right, notRead, wrong, misread});
            millis.sort(null);
            table.append(String.format("| %s | %d | %d (%.0f %%) | %d | %d | %d | %d | %s |%n", condition.getKey(),
                    photos, right, 100.0 * right / photos, notRead, wrong, exact, misread,
                    millis.isEmpty() ? "-" : millis.get(millis.size() / 2) + " / " + millis.get(millis.size() - 1)));
        }
        write("validities", table);

        totals.forEach((condition, t) -> assertEquals(0, t[3], condition + ": a validity judged wrong"));
        totals.forEach((condition, t) -> assertEquals(0, t[4], condition + ": other dates taken as read"));
        for (String condition : List.of("head-on, good light", "at an angle (edges 0.80-0.88)",
                "turned 15-30 degrees in the picture", "poor light (35 % brightness, shadow, noise)",
                "low resolution (card 500 px wide, ID4 fails)")) {
            assertTrue(totals.get(condition)[1] >= VALIDITY_FLOOR, condition + ": " + totals.get(condition)[1]
                    + " of 20 validities judged");
        }
    }

    private static void write(String part, StringBuilder table) throws Exception {
        System.out.println(table);
        Path report = Path.of("target", "idcard-name-validity-accuracy-" + part + ".md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table.toString());
    }
}
