package org.elicence.photoaudit.card;

import java.nio.file.Path;

/**
 * A Tesseract model ({@code <language>.traineddata}: the number's English one, the name's and validity's Chinese
 * one), staged once in a private folder. An engine is started on it for one reading and ended after it
 * ({@link #open}): a started engine holds the model's network and character set in native memory for as long as
 * it lives (44 MB for {@code chi_sim}, 11 MB for {@code eng}), which an idle service should not carry
 * (docs/idcard.md "Engine lifetime and memory").
 */
final class TesseractModel {

    private final Path folder;
    private final String language;

    TesseractModel(String tessdataLocation, String language) {
        this.folder = TesseractOcr.modelFolder(tessdataLocation, language);
        this.language = language;
        // Fail at start, not on the first card, if the model cannot be loaded.
        open(null).close();
    }

    /**
     * An engine answering any character of the model or only those of {@code alphabet}; the caller closes it
     * (which ends it and frees its memory) and uses it from one thread.
     */
    TesseractOcr open(String alphabet) {
        return new TesseractOcr(folder, language, alphabet);
    }
}
