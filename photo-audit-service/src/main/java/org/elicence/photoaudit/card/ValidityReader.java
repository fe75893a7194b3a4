package org.elicence.photoaudit.card;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.elicence.photoaudit.card.OcrConfig;
import org.opencv.core.Mat;

/**
 * Reads the validity (有效期限) printed on the card's back, {@code yyyy.mm.dd-yyyy.mm.dd} or
 * {@code yyyy.mm.dd-长期}, with Tesseract's Chinese model restricted to digits, '.', '-' and 长期. A reading counts
 * only if it is self-consistent: both dates real, the end the start plus 5, 10 or 20 years to the day (the terms of
 * the Resident Identity Card Law, art. 5) or 长期 (long-term). A misread digit breaks that unless the same digit is
 * misread the same way in both dates. The band is read at several heights, each as it is, evened out and
 * binarised, until a reading counts.
 */
final class ValidityReader {

    /** The characters the engine may answer. */
    static final String ALPHABET = "0123456789.-长期";
    private static final Set<Integer> TERMS_YEARS = Set.of(5, 10, 20);
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\.?(\\d{2})\\.?(\\d{2})");
    private static final Pattern VALIDITY = Pattern.compile(DATE.pattern() + "[-.]*(?:" + DATE.pattern() + "|(长期))");

    /** A self-consistent validity: {@code end} is null for 长期. */
    record Validity(LocalDate start, LocalDate end) {

        boolean longTerm() {
            return end == null;
        }
    }

    private final OcrConfig.Validity config;

    ValidityReader(OcrConfig.Validity config) {
        this.config = config;
    }

    /** The validity on {@code back} (BGR, upright, in ID-1 proportions) as read by {@code ocr}, if it counts. */
    Optional<Validity> read(Mat back, TesseractOcr ocr) {
        try (NativeMats mats = new NativeMats()) {
            for (int height : config.bandHeightsPixels()) {
                Mat band = TextBand.cut(back, config.left(), config.right(), config.top(), config.bottom(), height,
                        mats);
                for (BiConsumer<Mat, Mat> preparation : TextBand.PREPARATIONS) {
                    Mat prepared = mats.mat();
                    preparation.accept(band, prepared);
                    Optional<Validity> validity = parse(text(TextBand.read(ocr, prepared)));
                    mats.release(prepared);
                    if (validity.isPresent()) {
                        return validity;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String text(List<TesseractOcr.Symbol> symbols) {
        return symbols.stream().map(TesseractOcr.Symbol::text).collect(Collectors.joining());
    }

    /** The self-consistent validity in {@code text} (blanks ignored), if any. */
    static Optional<Validity> parse(String text) {
        Matcher matcher = VALIDITY.matcher(text.replaceAll("\\s+", ""));
        while (matcher.find()) {
            Optional<LocalDate> start = date(matcher.group(1), matcher.group(2), matcher.group(3));
            if (start.isEmpty()) {
                continue;
            }
            if (matcher.group(7) != null) {
                return Optional.of(new Validity(start.get(), null));
            }
            Optional<LocalDate> end = date(matcher.group(4), matcher.group(5), matcher.group(6));
            if (end.isPresent() && end.get().getMonthValue() == start.get().getMonthValue()
                    && end.get().getDayOfMonth() == start.get().getDayOfMonth()
                    && TERMS_YEARS.contains(end.get().getYear() - start.get().getYear())) {
                return Optional.of(new Validity(start.get(), end.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
