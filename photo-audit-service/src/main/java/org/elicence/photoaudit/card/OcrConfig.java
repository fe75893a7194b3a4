package org.elicence.photoaudit.card;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Reading the citizen number (公民身份号码) and the name (姓名) printed on the card's front and the validity
 * (有效期限) on its back with Tesseract (docs/idcard.md "Reading the number", "Reading the name and the validity").
 * Regions are given in fractions of the rectified, upright card, so they do not depend on the camera's
 * resolution.
 */
@ConfigMapping(prefix = "card-reading.ocr")
public interface OcrConfig {

    /**
     * Where Tesseract's model {@code <language>.traineddata} is: {@code classpath:tessdata} (shipped in the jar:
     * Debian's tesseract-ocr-eng 4.1.0, Apache-2.0) or a folder.
     */
    @WithDefault("classpath:tessdata")
    String tessdataLocation();

    @WithDefault("eng")
    String language();

    /**
     * How long an engine is kept for the next reading after its reader is done with it: while card sides follow one
     * another none pays for starting an engine (85 ms for the Chinese model, 70 for the English one), and after this
     * long without a card the engines' memory (44 and 11 MB) is handed back. Zero ends every engine after its reading
     * (docs/idcard.md "Engine lifetime and memory").
     */
    @WithDefault("PT5S")
    Duration engineKeepIdle();

    /** The band of the front holding the number, left edge (fraction of the card's width). */
    @WithDefault("0.30")
    double numberLeft();

    @WithDefault("0.985")
    double numberRight();

    /** Its top and bottom edges (fractions of the card's height). */
    @WithDefault("0.775")
    double numberTop();

    @WithDefault("0.965")
    double numberBottom();

    /** The band is scaled so that it is this many pixels high before it is read (digits about 40 % of it). */
    @WithDefault("80")
    int numberBandHeightPixels();

    /**
     * The Chinese model ({@code <chinese-language>.traineddata} in {@link #tessdataLocation()}: Debian's
     * tesseract-ocr-chi-sim 4.1.0, Apache-2.0), which reads the name on the front and the validity on the back.
     * Its engine is kept between card sides for {@link #engineKeepIdle()} (docs/idcard.md "Engine lifetime and memory").
     */
    @WithDefault("chi_sim")
    String chineseLanguage();

    /** ID20: the name (姓名) on the front. */
    Name name();

    /** ID21: the validity (有效期限) on the back. */
    Validity validity();

    /** Where the name is printed on the upright front, right of the 姓名 label, left of the portrait. */
    interface Name {

        @WithDefault("0.17")
        double left();

        @WithDefault("0.62")
        double right();

        @WithDefault("0.09")
        double top();

        @WithDefault("0.22")
        double bottom();

        /**
         * The band is read scaled to each of these heights in turn (the characters about 45 % of it): Tesseract's
         * fast Chinese model reads a name set this small more reliably than larger.
         */
        @WithDefault("32,40,48")
        java.util.List<Integer> bandHeightsPixels();
    }

    /** Where the validity is printed on the emblem side, right of the 有效期限 label. */
    interface Validity {

        @WithDefault("0.29")
        double left();

        @WithDefault("0.985")
        double right();

        @WithDefault("0.79")
        double top();

        @WithDefault("0.93")
        double bottom();

        @WithDefault("32,40,48")
        java.util.List<Integer> bandHeightsPixels();
    }
}
