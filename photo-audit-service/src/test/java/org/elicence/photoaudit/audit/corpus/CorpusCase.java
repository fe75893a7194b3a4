package org.elicence.photoaudit.audit.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One image of the evaluation corpus: a real photo or a generated single violation. {@code expectedFail}:
 * rules that must FAIL (empty: the photo must PASS); {@code alsoAllowed}: rules the edit unavoidably affects,
 * not scored for this case.
 *
 * <p>Manifest (manifest.csv in the corpus directory), one line per case, no quoting needed:
 * {@code id,person,split,sex,origin,base,variant,expectedFail,alsoAllowed} where rule lists are separated by
 * ';' (e.g. {@code C8} and {@code R4;R3}); {@code variant} is {@code real} for an unmodified photo, otherwise
 * {@code family:style} (e.g. {@code mask:light-blue}); the image is {@code <id>.jpg}.
 */
public record CorpusCase(String id, String person, FrlCorpus.Split split, String sex, String origin, String base,
        String variant, Set<String> expectedFail, Set<String> alsoAllowed) {

    public static final String HEADER = "id,person,split,sex,origin,base,variant,expectedFail,alsoAllowed";

    public boolean compliant() {
        return expectedFail.isEmpty();
    }

    public boolean real() {
        return variant.equals("real");
    }

    /** The variant family without its style, e.g. "mask". */
    public String family() {
        int colon = variant.indexOf(':');
        return colon < 0 ? variant : variant.substring(0, colon);
    }

    public String csv() {
        return String.join(",", id, person, split.label(), sex, origin, base, variant, String.join(";", expectedFail),
                String.join(";", alsoAllowed));
    }

    static CorpusCase parse(String line) {
        String[] f = line.split(",", -1);
        return new CorpusCase(f[0], f[1], f[2].equals("held-out") ? FrlCorpus.Split.HELD_OUT : FrlCorpus.Split.CALIBRATION,
                f[3], f[4], f[5], f[6], FrlCorpus.rules(f[7]), FrlCorpus.rules(f[8]));
    }

    public static void writeManifest(Path directory, List<CorpusCase> cases) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        cases.forEach(c -> lines.add(c.csv()));
        try {
            Files.write(directory.resolve("manifest.csv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<CorpusCase> readManifest(Path directory) {
        try {
            return Files.readAllLines(directory.resolve("manifest.csv")).stream().skip(1).filter(l -> !l.isBlank())
                    .map(CorpusCase::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path image(Path directory) {
        return directory.resolve(id + ".jpg");
    }
}
