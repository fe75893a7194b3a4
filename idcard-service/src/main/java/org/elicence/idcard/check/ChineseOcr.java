package org.elicence.idcard.check;

import java.nio.file.Path;

/**
 * Tesseract's Chinese model (Debian's tesseract-ocr-chi-sim 4.1.0, 2.4 MB) for the name on the front and the
 * validity on the back. The model is staged once; an engine is started for one card side and ended after it
 * ({@link #open}): a started engine holds the model's network and character set in native memory for as long as
 * it lives, which an idle service should not carry (docs/idcard.md "Reading the name and the validity").
 */
final class ChineseOcr {

    private final Path folder;
    private final String language;

    ChineseOcr(String tessdataLocation, String language) {
        this.folder = TesseractOcr.modelFolder(tessdataLocation, language);
        this.language = language;
        // Fail at start, not on the first card, if the model cannot be loaded.
        open(null).close();
    }

    /**
     * An engine for one side, answering any character of the model or only those of {@code alphabet}; the caller
     * closes it (which ends it and frees its memory) and uses it from one thread.
     */
    TesseractOcr open(String alphabet) {
        return new TesseractOcr(folder, language, alphabet);
    }
}
