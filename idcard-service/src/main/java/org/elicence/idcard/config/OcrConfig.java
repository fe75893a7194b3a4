package org.elicence.idcard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Reading the citizen number (公民身份号码) printed on the card's front with Tesseract (docs/idcard.md "Reading
 * the number"). The region is given in fractions of the rectified, upright card, so it does not depend on the
 * camera's resolution.
 */
@ConfigMapping(prefix = "idcard.ocr")
public interface OcrConfig {

    /**
     * Where Tesseract's model {@code <language>.traineddata} is: {@code classpath:tessdata} (shipped in the jar:
     * Debian's tesseract-ocr-eng 4.1.0, Apache-2.0) or a folder.
     */
    @WithDefault("classpath:tessdata")
    String tessdataLocation();

    @WithDefault("eng")
    String language();

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
}
