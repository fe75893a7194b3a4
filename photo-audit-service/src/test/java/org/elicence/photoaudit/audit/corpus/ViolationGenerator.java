package org.elicence.photoaudit.audit.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.opencv.core.Mat;

/**
 * Generates the evaluation corpus: the 132 unmodified FRL photos plus, for every person whose neutral photo
 * has no violation of its own, one image per variant below carrying exactly ONE added violation (styles and
 * colours rotate across people). Placement uses only the .tem landmarks and the wall mask ({@link BasePhoto}),
 * never the engine under test. Deterministic: each image's random seed is derived from its id.
 *
 * <p>Run: {@code ViolationGenerator [outputDirectory]} (default {@code target/frl-corpus}); writes
 * {@code <id>.jpg} (JPEG quality 92) and {@code manifest.csv} (see {@link CorpusCase}).
 */
public final class ViolationGenerator {

    public static final Path DEFAULT_DIRECTORY = Path.of("target/frl-corpus");
    static final int JPEG_QUALITY = 92;

    /** An edit of a base photo at a style index (the edit picks its style with index % its style count). */
    @FunctionalInterface
    interface Edit {
        Mat apply(BasePhoto base, int style, Random random);
    }

    /** One kind of generated case. */
    record Variant(String family, String[] styles, String expectedFail, String alsoAllowed, Edit edit) {
    }

    private static final String[] ONE = {"default"};

    /** The catalogue; a second face needs another person and is generated separately ({@code second-face}). */
    static final List<Variant> VARIANTS = List.of(
            new Variant("mask", FaceCoverings.MASK_STYLES, "R9", "", FaceCoverings::mask),
            new Variant("hand", new String[] {"palm-image-left", "palm-image-right"}, "R9", "", FaceCoverings::hand),
            new Variant("scarf", FaceCoverings.SCARF_STYLES, "R9", "", FaceCoverings::scarf),
            new Variant("cap", Headwear.CAP_STYLES, "R5", "", Headwear::cap),
            new Variant("beanie", Headwear.KNIT_STYLES, "R5", "", Headwear::beanie),
            new Variant("headscarf", Headwear.HEADSCARF_STYLES, "R5", "R6", Headwear::headscarf),
            new Variant("sunglasses", FaceCoverings.SUNGLASS_STYLES, "R10", "", FaceCoverings::sunglasses),
            new Variant("glare", FaceCoverings.GLARE_STYLES, "R10", "", FaceCoverings::glare),
            new Variant("roll", Reframing.ROLL_STYLES, "C8", "R4;R3", Reframing::roll),
            new Variant("wall-colour", PhotoEdits.WALL_STYLES, "R2", "", PhotoEdits::wallColour),
            new Variant("wall-shadow", new String[] {"right", "left"}, "R2", "", PhotoEdits::wallShadow),
            new Variant("clutter", PhotoEdits.CLUTTER_STYLES, "R2", "", PhotoEdits::clutter),
            new Variant("side-light", PhotoEdits.SIDES, "R1", "", PhotoEdits::sideLight),
            new Variant("hot-spot", PhotoEdits.HOT_SPOT_STYLES, "R1", "", PhotoEdits::hotSpot),
            new Variant("underexposed", ONE, "C5", "", PhotoEdits::underexposed),
            new Variant("overexposed", ONE, "C5", "", PhotoEdits::overexposed),
            new Variant("gaussian-blur", ONE, "C4", "", PhotoEdits::gaussianBlur),
            new Variant("motion-blur", PhotoEdits.MOTION_STYLES, "C4", "", PhotoEdits::motionBlur),
            new Variant("greyscale", ONE, "C6", "", PhotoEdits::greyscale),
            // a cast tints the wall too: it is then not white (R2) as well as unnatural (C6)
            new Variant("colour-cast", PhotoEdits.CAST_STYLES, "C6", "R2", PhotoEdits::colourCast),
            new Variant("jpeg-q8", ONE, "C7", "", PhotoEdits::heavyCompression),
            // an enlarged tiny face has the pixels but not the detail: what can be measured is the missing detail (C4)
            new Variant("tiny-face", ONE, "C4", "C7", PhotoEdits::tinyFace),
            new Variant("crop-hair-top", ONE, "C3", "C2", Reframing::cropHairTop),
            new Variant("crop-chin", ONE, "C3", "C2", Reframing::cropChin),
            new Variant("too-small", ONE, "C2", "C7", Reframing::tooSmall),
            new Variant("too-close", ONE, "C2", "C3", Reframing::tooClose),
            new Variant("shoulder-tilt", Reframing.SHOULDER_STYLES, "R3", "", Reframing::shoulderTilt),
            new Variant("licence-520x756", ONE, "", "", (b, s, r) -> Reframing.licence(b, 520)),
            new Variant("licence-260x378", ONE, "", "", (b, s, r) -> Reframing.licence(b, 260)),
            new Variant("brighter-10pct", ONE, "", "", PhotoEdits::brighter),
            // last, so that the styles the earlier variants take (person + variant index) stay as they were
            new Variant("white-balance", PhotoEdits.WHITE_BALANCE_STYLES, "C6", "R2", PhotoEdits::whiteBalance));

    private ViolationGenerator() {
    }

    /** Writes every case into {@code directory} and returns them in manifest order. */
    public static List<CorpusCase> generate(Path directory) {
        return generate(directory, EnumSet.allOf(FrlCorpus.Split.class));
    }

    /** Writes the cases of the people in {@code splits} only (the test of the held-out targets needs no more). */
    public static List<CorpusCase> generate(Path directory, Set<FrlCorpus.Split> splits) {
        nu.pattern.OpenCV.loadLocally();
        FrlCorpus corpus = FrlCorpus.load();
        List<CorpusCase> cases = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (FrlCorpus.Photo photo : corpus.photos()) {
                if (!splits.contains(photo.split())) {
                    continue;
                }
                String id = photo.file().replace(".jpg", "");
                Files.write(directory.resolve(id + ".jpg"), corpus.jpeg(photo));
                cases.add(new CorpusCase(id, photo.person(), photo.split(), photo.sex(), photo.origin(), photo.file(),
                        "real", photo.expectedFail(), Set.of()));
            }
            List<FrlCorpus.Photo> bases = corpus.compliantNeutralBases();
            for (int p = 0; p < bases.size(); p++) {
                if (!splits.contains(bases.get(p).split())) {
                    continue;
                }
                BasePhoto base = BasePhoto.of(corpus, bases.get(p));
                for (int v = 0; v < VARIANTS.size(); v++) {
                    Variant variant = VARIANTS.get(v);
                    int style = (p + v) % variant.styles().length;
                    String id = "frl_" + base.person() + "_" + variant.family();
                    Mat image = variant.edit().apply(base, style, new Random(id.hashCode()));
                    cases.add(write(directory, id, base, variant.family() + ":" + variant.styles()[style],
                            variant.expectedFail(), variant.alsoAllowed(), image));
                }
                Compositing.reclaimNativeMemory();
                // C1: the next base person's head beside this one (R2 allowed: the background is no longer plain).
                BasePhoto other = BasePhoto.of(corpus, bases.get((p + 1) % bases.size()));
                String id = "frl_" + base.person() + "_second-face";
                Mat image = Reframing.secondFace(base, other, p, new Random(id.hashCode()));
                cases.add(write(directory, id, base, "second-face:" + Reframing.SECOND_FACE_STYLES[p % 2] + "-frl_"
                        + other.person(), "C1", "R2", image));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CorpusCase.writeManifest(directory, cases);
        return cases;
    }

    private static CorpusCase write(Path directory, String id, BasePhoto base, String variant, String expectedFail,
            String alsoAllowed, Mat image) throws IOException {
        Files.write(directory.resolve(id + ".jpg"), Compositing.jpeg(image, JPEG_QUALITY));
        FrlCorpus.Photo photo = base.photo();
        return new CorpusCase(id, photo.person(), photo.split(), photo.sex(), photo.origin(), photo.file(), variant,
                FrlCorpus.rules(expectedFail), FrlCorpus.rules(alsoAllowed));
    }

    public static void main(String[] args) {
        Path directory = args.length > 0 ? Path.of(args[0]) : DEFAULT_DIRECTORY;
        long start = System.nanoTime();
        List<CorpusCase> cases = generate(directory);
        System.out.printf("%d cases in %s (%.1f s)%n", cases.size(), directory, (System.nanoTime() - start) / 1e9);
    }
}
