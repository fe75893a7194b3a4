package org.elicence.photoaudit.audit.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.audit.detect.CascadeFiles;
import org.elicence.photoaudit.audit.detect.DetectedFace;
import org.elicence.photoaudit.audit.detect.CascadeFaceDetector;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Builds the evaluation corpus into a directory (target/corpus by default) from the committed real
 * photographs and the committed manifest (src/test/resources/corpus/manifest.csv). Deterministic: fixed
 * seeds per entry. Run: see docs/photo-audit-accuracy.md.
 */
public final class CorpusGenerator {

    /** One manifest line: which base, which transformation, which rules must FAIL and which are not scored. */
    public record Entry(String id, String base, String variant, Set<String> expectedFail, Set<String> ignored) {
    }

    public static final String MANIFEST = "/corpus/manifest.csv";
    private static final Map<String, String> REAL_PHOTOS = Map.of("hopper", "/photos/grace_hopper.jpg", "collins",
            "/photos/astronaut.png");

    /**
     * Half width (in face widths) beside the jaw beyond which everything is background, per photograph:
     * Hopper's flag pole stands just outside her hair; Collins's bob is wider than her jaw.
     */
    private static final Map<String, Double> JAW_HALF_WIDTH = Map.of("hopper", 0.5, "collins", 0.68);

    private CorpusGenerator() {
    }

    public static List<Entry> manifest() {
        List<Entry> entries = new ArrayList<>();
        for (String line : resourceText(MANIFEST).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            entries.add(new Entry(f[0].trim(), f[1].trim(), f[2].trim(), rules(f[3]), rules(f[4])));
        }
        return entries;
    }

    private static Set<String> rules(String field) {
        return field.isBlank() ? Set.of() : Set.copyOf(java.util.Arrays.asList(field.trim().split("\\s+")));
    }

    /** Generates every manifest entry into {@code directory} as {@code <id>.jpg}; returns the files. */
    public static Map<Entry, Path> generate(Path directory) {
        OpenCvRuntime.ensureLoaded();
        CascadeFaceDetector detector = placementDetector();
        Map<String, CorpusVariants.Base> bases = new HashMap<>();
        Map<Entry, Path> files = new java.util.LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
            for (Entry e : manifest()) {
                Path file = directory.resolve(e.id() + ".jpg");
                byte[] bytes;
                if (e.base().endsWith("_original")) {
                    bytes = resourceBytes(REAL_PHOTOS.get(e.base().replace("_original", "")));
                    file = directory.resolve(e.id() + (e.base().startsWith("collins") ? ".png" : ".jpg"));
                } else {
                    CorpusVariants.Base base = bases.computeIfAbsent(e.base(), name -> baseOf(composite(name, detector), detector, name));
                    Mat image = CorpusVariants.ALL.get(e.variant()).apply(base, new Random(e.id().hashCode()));
                    bytes = CorpusImages.jpeg(image, CorpusImages.CORPUS_JPEG_QUALITY);
                }
                Files.write(file, bytes);
                files.put(e, file);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return files;
    }

    /**
     * The detector that places the generated objects (lenses, mask, hat, ...): the Haar-only configuration
     * with eyes searched at working resolution, i.e. the detector the corpus was first generated with. It is
     * pinned so that the corpus does not change when the engine's detector (under test) changes.
     */
    public static CascadeFaceDetector placementDetector() {
        OpenCvRuntime.ensureLoaded();
        AuditConfig config = TestConfigs.with(Map.of("photo-audit.detection.primary-cascade", "haar",
                "photo-audit.detection.eye-search-face-width", "100000", "photo-audit.detection.eye-scale-factor", "1.05",
                "photo-audit.detection.eye-pair-min-correlation", "2")); // > 1: no mirrored eye match
        return new CascadeFaceDetector(config.detection(), new CascadeFiles(config.detection().cascadeDirectory()));
    }

    /** The compliant-framing composite of a real photograph (see {@link CompositeBuilder}). */
    public static Mat composite(String name, CascadeFaceDetector detector) {
        Mat photo = Imgcodecs.imdecode(new MatOfByte(resourceBytes(REAL_PHOTOS.get(name))), Imgcodecs.IMREAD_COLOR);
        DetectedFace face = onlyFace(detector, photo, name);
        Mat alpha = CompositeBuilder.personAlpha(photo, face.box(), JAW_HALF_WIDTH.get(name));
        return CompositeBuilder.compose(photo, alpha, face.box(), CompositeBuilder.WALL);
    }

    private static CorpusVariants.Base baseOf(Mat image, CascadeFaceDetector detector, String name) {
        return new CorpusVariants.Base(image, onlyFace(detector, image, name));
    }

    private static DetectedFace onlyFace(CascadeFaceDetector detector, Mat image, String name) {
        List<DetectedFace> faces = detector.detect(image);
        if (faces.size() != 1) {
            throw new IllegalStateException(name + ": expected one face, found " + faces.size());
        }
        return faces.get(0);
    }

    static byte[] resourceBytes(String resource) {
        try (InputStream in = CorpusGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resourceText(String resource) {
        return new String(resourceBytes(resource), StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/corpus");
        generate(out).forEach((e, p) -> System.out.println(p));
    }
}
