package org.elicence.photoaudit.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.StringVector;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract 5 (LSTM engine) through the JavaCPP presets, whose jars carry the native libraries, reading one line
 * of text restricted to the characters asked for. An engine is lent to one reader at a time by its
 * {@link TesseractModel} and used by one thread: a read takes tens of milliseconds and card checks run one upload
 * at a time. Closing it hands it back to the model, which keeps it for the next reader for a while or ends it.
 */
public final class TesseractOcr implements AutoCloseable {

    static {
        // JavaCPP unpacks the native libraries on first use, by default under ~/.javacpp, which is read-only in the
        // Kubernetes pod (readOnlyRootFilesystem); /tmp is writable everywhere the service runs.
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir",
                    Path.of(System.getProperty("java.io.tmpdir"), "idcard-javacpp").toString());
        }
    }

    private final TessBaseAPI api = new TessBaseAPI();
    private final Consumer<TesseractOcr> handBack;

    /**
     * An engine on a model already staged in {@code folder} ({@link #modelFolder}), reading one line, without the
     * model's dictionaries (set at Init, where Tesseract takes them): neither a number nor a name is a word of the
     * language. {@code handBack} gets it when its reader closes it.
     *
     * @throws IllegalStateException if the model cannot be loaded: the service must not run without it
     */
    TesseractOcr(Path folder, String language, Consumer<TesseractOcr> handBack) {
        this.handBack = handBack;
        StringVector names = new StringVector("load_system_dawg", "load_freq_dawg", "debug_file");
        StringVector values = new StringVector("0", "0", "/dev/null");
        try {
            if (api.Init(folder.toString(), language, tesseract.OEM_LSTM_ONLY, (BytePointer) null, 0, names, values,
                    false) != 0) {
                api.close();
                throw new IllegalStateException("Tesseract could not load " + language + ".traineddata from "
                        + folder);
            }
        } finally {
            names.close();
            values.close();
        }
        api.SetPageSegMode(tesseract.PSM_SINGLE_LINE);
    }

    /**
     * Answers only the characters of {@code alphabet}, or any character of the model if it is null. Tesseract applies
     * the list at each recognition, so one engine serves the name (any character) and the validity (digits) in turn.
     */
    synchronized void restrictTo(String alphabet) {
        api.SetVariable("tessedit_char_whitelist", alphabet == null ? "" : alphabet);
    }

    /** The text of one line in an 8-bit greyscale image (row-major, {@code width} bytes a row). */
    public synchronized String readLine(byte[] grey, int width, int height) {
        api.SetImage(grey, width, height, 1, width);
        // Resolution only steers Tesseract's size heuristics; stating it keeps it from guessing (and warning).
        api.SetSourceResolution(300);
        BytePointer text = api.GetUTF8Text();
        try {
            return text == null ? "" : text.getString(StandardCharsets.UTF_8);
        } finally {
            if (text != null) {
                // Tesseract allocated it: Pointer.deallocate() on a pointer a native call returned frees nothing
                tesseract.TessDeleteText(text);
            }
            api.Clear();
        }
    }

    /** One line read symbol by symbol: each symbol with the engine's confidence in it (0-100). */
    public record Symbol(String text, float confidence) {
    }

    /** The symbols of one line in an 8-bit greyscale image, in reading order; blanks are not symbols. */
    public synchronized List<Symbol> readSymbols(byte[] grey, int width, int height) {
        api.SetImage(grey, width, height, 1, width);
        api.SetSourceResolution(300);
        List<Symbol> symbols = new ArrayList<>();
        try {
            if (api.Recognize(null) != 0) {
                return symbols;
            }
            ResultIterator symbol = api.GetIterator();
            if (symbol == null) {
                return symbols;
            }
            try {
                do {
                    BytePointer text = symbol.GetUTF8Text(tesseract.RIL_SYMBOL);
                    if (text != null) {
                        symbols.add(new Symbol(text.getString(StandardCharsets.UTF_8),
                                symbol.Confidence(tesseract.RIL_SYMBOL)));
                        // Tesseract allocated it; a Pointer returned by a native call has no deallocator of its own.
                        tesseract.TessDeleteText(text);
                    }
                } while (symbol.Next(tesseract.RIL_SYMBOL));
            } finally {
                tesseract.TessResultIteratorDelete(symbol);
            }
            return symbols;
        } finally {
            api.Clear();
        }
    }

    /** Hands the engine back to its model: the reader is done with it. */
    @Override
    public void close() {
        handBack.accept(this);
    }

    /** Ends the engine and frees its memory; its model does this, never a reader. */
    synchronized void end() {
        api.End();
        api.close();
        // Tesseract keeps the dictionaries an engine loaded (punctuation, numbers) in a process-wide cache after the
        // engine ends, for the next engine of the same model; an engine here ends when no card is being read, so the
        // cache only held about 4 MB for good (docs/idcard.md). Only entries no live engine uses are freed: safe with
        // other engines running.
        TessBaseAPI.ClearPersistentCache();
    }

    /**
     * The folder holding {@code <language>.traineddata}: {@code location} itself, or for {@code classpath:...} a
     * private temporary copy of the model, removed when the JVM exits.
     */
    static Path modelFolder(String location, String language) {
        String file = language + ".traineddata";
        if (!location.startsWith("classpath:")) {
            Path folder = Path.of(location);
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new IllegalStateException("Tesseract model " + folder.resolve(file) + " is missing");
            }
            return folder;
        }
        String resource = location.substring("classpath:".length()).replaceAll("^/+|/+$", "") + "/" + file;
        try (InputStream in = TesseractOcr.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Tesseract model " + resource + " is not on the class path");
            }
            // Tesseract reads its model from a folder: a private copy, removed when the JVM exits.
            Path folder = Files.createTempDirectory("idcard-tessdata");
            Path model = folder.resolve(file);
            Files.copy(in, model, StandardCopyOption.REPLACE_EXISTING);
            model.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the Tesseract model", e);
        }
    }
}
