package org.elicence.photoaudit.card;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.elicence.photoaudit.card.OcrConfig;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

/**
 * Reads the 18-character citizen number (公民身份号码) printed along the bottom of the card's front. The band that
 * holds it is cut from the rectified, upright card at the configured fractions, scaled to a fixed height and read
 * by Tesseract as one line of digits and X. A reading counts only if 18 characters carry a right ISO 7064 MOD 11-2
 * check character: a misread digit changes the check (any single substitution or swap of neighbours does), so a
 * counted reading is the printed number. The band is read as it is, then evened out (contrast-limited
 * equalisation, for dim or shadowed photos), then binarised, until one reading counts. The English model's engine
 * is lent for each reading and kept between readings a while ({@link TesseractModel}).
 */
public final class IdNumberReader {

    private static final Pattern CANDIDATE = Pattern.compile("(?=([0-9]{17}[0-9X]))");
    private static final Size CLAHE_TILES = new Size(8, 2);
    private static final String ALPHABET = "0123456789X";

    private final TesseractModel model;
    private final OcrConfig config;

    public IdNumberReader(OcrConfig config) {
        this.config = config;
        this.model = new TesseractModel(config.tessdataLocation(), config.language(), config.engineKeepIdle());
    }

    /** The number printed on {@code card} (BGR, upright, in ID-1 proportions), if it could be read. */
    public Optional<String> read(Mat card) {
        try (NativeMats mats = new NativeMats(); TesseractOcr ocr = model.open(ALPHABET)) {
            Mat band = mats.add(band(card, mats));
            for (BiConsumer<Mat, Mat> preparation : PREPARATIONS) {
                Mat prepared = mats.mat();
                preparation.accept(band, prepared);
                Optional<String> number = number(ocr(ocr, prepared));
                mats.release(prepared);
                if (number.isPresent()) {
                    return number;
                }
            }
            return Optional.empty();
        }
    }

    /** The first 18 characters of {@code text} (spaces ignored) that form a number with a right check character. */
    static Optional<String> number(String text) {
        String compact = text.replaceAll("\\s+", "");
        Matcher candidates = CANDIDATE.matcher(compact);
        while (candidates.find()) {
            if (ResidentIdNumber.hasValidCheckCharacter(candidates.group(1))) {
                return Optional.of(candidates.group(1));
            }
        }
        return Optional.empty();
    }

    private static final List<BiConsumer<Mat, Mat>> PREPARATIONS = List.of(
            (band, out) -> band.copyTo(out),
            (band, out) -> {
                CLAHE clahe = Imgproc.createCLAHE(3.0, CLAHE_TILES);
                clahe.apply(band, out);
            },
            (band, out) -> Imgproc.threshold(band, out, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU));

    /** The number's band in grey, scaled to the configured height: a new image in {@code mats}' care. */
    private Mat band(Mat card, NativeMats mats) {
        int left = (int) Math.round(config.numberLeft() * card.cols());
        int right = (int) Math.round(config.numberRight() * card.cols());
        int top = (int) Math.round(config.numberTop() * card.rows());
        int bottom = (int) Math.round(config.numberBottom() * card.rows());
        Mat region = mats.view(card, new Rect(left, top, right - left, bottom - top));
        Mat grey = mats.add(ImageMeasures.grey(region));
        double scale = (double) config.numberBandHeightPixels() / grey.rows();
        Mat scaled = new Mat();
        Imgproc.resize(grey, scaled, new Size(Math.round(grey.cols() * scale), config.numberBandHeightPixels()), 0, 0,
                scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
        Core.normalize(scaled, scaled, 0, 255, Core.NORM_MINMAX);
        return scaled;
    }

    private static String ocr(TesseractOcr ocr, Mat grey) {
        byte[] pixels = new byte[grey.cols() * grey.rows()];
        grey.get(0, 0, pixels);
        return ocr.readLine(pixels, grey.cols(), grey.rows());
    }
}
