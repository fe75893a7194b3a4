package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.elicence.messaging.events.IdCardSide;
import org.elicence.photoaudit.card.testing.CardHolder;
import org.elicence.photoaudit.card.testing.CardPhotos;
import org.elicence.photoaudit.card.testing.CardPhotos.Placement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The engines of a Tesseract model are kept between readings for a while and then ended (docs/idcard.md "Engine
 * lifetime and memory"), on the real Chinese model and WANG Fang's generated card as the card check rectifies it.
 */
class TesseractModelTest {

    private static final CardHolder HOLDER = CardHolder.WANG_FANG;
    private static final Duration LONG = Duration.ofMinutes(5);

    private static OcrConfig config;
    private static Mat front;
    private static Mat back;

    @BeforeAll
    static void cards() {
        config = new SmallRyeConfigBuilder().withMapping(OcrConfig.class).build().getConfigMapping(OcrConfig.class);
        CardSideChecker checker = CardSideCheckerTest.checker();
        front = rectified(checker, IdCardSide.FRONT,
                CardPhotos.photograph(CardPhotos.renderFront(HOLDER), Placement.SLIGHTLY_TILTED));
        back = rectified(checker, IdCardSide.BACK,
                CardPhotos.photograph(CardPhotos.renderBack(HOLDER), Placement.SLIGHTLY_TILTED));
    }

    @AfterAll
    static void release() {
        front.release();
        back.release();
    }

    @Test
    void anEngineItsReaderClosedServesTheNextReaderWhileItIsKept() {
        TesseractModel model = chinese(LONG);
        TesseractOcr first = model.open(null);
        first.close();
        try (TesseractOcr next = model.open(ValidityReader.ALPHABET)) {
            assertSame(first, next);
        }
    }

    @Test
    void withoutKeepingEveryReaderGetsAnEngineOfItsOwn() {
        TesseractModel model = chinese(Duration.ZERO);
        TesseractOcr first = model.open(null);
        first.close();
        try (TesseractOcr next = model.open(null)) {
            assertNotSame(first, next);
        }
    }

    @Test
    void anEngineLeftIdleLongerThanTheKeepTimeIsEnded() throws InterruptedException {
        TesseractModel model = chinese(Duration.ofMillis(200));
        TesseractOcr first = model.open(null);
        first.close();
        Thread.sleep(1_500);
        try (TesseractOcr next = model.open(null)) {
            assertNotSame(first, next, "the idle engine was still lent after the keep time");
            assertEquals(Optional.of(HOLDER.name()), new NameReader(config.name()).read(front, next, HOLDER.name())
                    .map(NameReader.Reading::name), "a new engine reads as the first did");
        }
    }

    @Test
    void readersAtOnceGetEnginesOfTheirOwnAndOneIsKept() {
        TesseractModel model = chinese(LONG);
        TesseractOcr one = model.open(null);
        TesseractOcr other = model.open(null);
        assertNotSame(one, other);
        one.close();
        other.close();
        try (TesseractOcr next = model.open(null)) {
            assertSame(one, next, "the engine handed back first is the one kept; the second was ended");
        }
    }

    /**
     * Under load an engine is lent and handed back a few times a second: one ending waits per model, not one per
     * hand-back.
     */
    @Test
    void anEngineLentAgainLeavesOneEndingWaiting() {
        TesseractModel model = chinese(LONG);
        int before = TesseractModel.endingsWaiting();
        for (int reading = 0; reading < 10; reading++) {
            model.open(null).close();
        }
        // at most: an ending of an earlier test's model may fall due meanwhile
        int added = TesseractModel.endingsWaiting() - before;
        assertTrue(added <= 1, added + " endings added by ten hand-backs of one engine");
    }

    /** One engine reads the validity with its alphabet, then the name without: the alphabet does not stay. */
    @Test
    void oneReadersAlphabetDoesNotRestrictTheNext() {
        TesseractModel model = chinese(LONG);
        ValidityReader validities = new ValidityReader(config.validity());
        NameReader names = new NameReader(config.name());
        TesseractOcr engine;
        try (TesseractOcr ocr = model.open(ValidityReader.ALPHABET)) {
            engine = ocr;
            assertEquals(ValidityReader.parse(HOLDER.validity()), validities.read(back, ocr));
        }
        try (TesseractOcr ocr = model.open(null)) {
            assertSame(engine, ocr);
            assertEquals(Optional.of(HOLDER.name()), names.read(front, ocr, HOLDER.name()).map(NameReader.Reading::name));
        }
        try (TesseractOcr ocr = model.open(ValidityReader.ALPHABET)) {
            assertSame(engine, ocr);
            assertEquals(ValidityReader.parse(HOLDER.validity()), validities.read(back, ocr));
        }
    }

    private static TesseractModel chinese(Duration keepIdle) {
        return new TesseractModel(config.tessdataLocation(), config.chineseLanguage(), keepIdle);
    }

    private static Mat rectified(CardSideChecker checker, IdCardSide side, byte[] photo) {
        CardSideReport report = checker.check(new CardSideUpload(side, photo, HOLDER.residentId(), HOLDER.name()));
        return Imgcodecs.imdecode(new MatOfByte(report.rectifiedCard()), Imgcodecs.IMREAD_COLOR);
    }
}
