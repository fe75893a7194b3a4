package org.elicence.photoaudit.card;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.elicence.photoaudit.card.OcrConfig;
import org.opencv.core.Mat;

/**
 * Reads the name (姓名) printed on the card's front, right of its label, with Tesseract's Chinese model. A
 * reading is the Chinese characters of the band (and the middle dot of some minority names), with the engine's
 * lowest confidence in any of them. The band is read at several heights, each as it is, evened out, then
 * binarised (as the number, {@link TextBand}) until a reading is the expected name; otherwise the most confident credible reading is
 * returned. The name read is personal data: it leaves this class only to be compared, never to be logged or kept.
 */
final class NameReader {

    /** A name read: its characters and the engine's lowest confidence in one of them (0-100). */
    record Reading(String name, double minConfidence) {

        @Override
        public String toString() {
            return "Reading[" + name.length() + " characters, " + Math.round(minConfidence) + "]";
        }
    }

    private final OcrConfig.Name config;

    NameReader(OcrConfig.Name config) {
        this.config = config;
    }

    /**
     * The name on {@code card} (BGR, upright, in ID-1 proportions) as read by {@code ocr} (the Chinese model): the
     * first reading equal to {@code expected} if one is, else the most confident reading of 2-6 characters, if any.
     */
    Optional<Reading> read(Mat card, TesseractOcr ocr, String expected) {
        String wanted = expected == null ? null : normalise(expected);
        Reading best = null;
        try (NativeMats mats = new NativeMats()) {
            for (int height : config.bandHeightsPixels()) {
                Mat band = TextBand.cut(card, config.left(), config.right(), config.top(), config.bottom(), height,
                        mats);
                for (BiConsumer<Mat, Mat> preparation : TextBand.PREPARATIONS) {
                    Mat prepared = mats.mat();
                    preparation.accept(band, prepared);
                    Reading reading = reading(TextBand.read(ocr, prepared));
                    mats.release(prepared);
                    if (reading.name().equals(wanted)) {
                        return Optional.of(reading);
                    }
                    if (plausible(reading.name())
                            && (best == null || reading.minConfidence() > best.minConfidence())) {
                        best = reading;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** A name as compared: without blanks, the middle dot in one form. */
    static String normalise(String name) {
        return name.replaceAll("[\\s\\u3000]+", "").replace('\u30FB', '\u00B7').replace('\u2022', '\u00B7')
                .replace('\uFF0E', '\u00B7');
    }

    /** The Chinese characters (and middle dots) read, with the lowest confidence among them. */
    static Reading reading(List<TesseractOcr.Symbol> symbols) {
        StringBuilder name = new StringBuilder();
        double min = 100;
        for (TesseractOcr.Symbol symbol : symbols) {
            String text = normalise(symbol.text());
            if (text.isEmpty() || !text.codePoints().allMatch(NameReader::nameCharacter)) {
                continue;
            }
            name.append(text);
            min = Math.min(min, symbol.confidence());
        }
        return new Reading(name.toString(), name.isEmpty() ? 0 : min);
    }

    /** 2-6 characters: Chinese names are two to four characters, a few minority names longer. */
    static boolean plausible(String name) {
        int length = name.codePointCount(0, name.length());
        return length >= 2 && length <= 6;
    }

    private static boolean nameCharacter(int codePoint) {
        return codePoint == '\u00B7' || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
