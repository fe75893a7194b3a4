package org.elicence.photoaudit.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.elicence.messaging.events.IdCardSide;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.card.testing.CardHolder;
import org.elicence.photoaudit.card.testing.CardPhotos;
import org.elicence.photoaudit.card.testing.CardPhotos.Placement;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Plain benchmark harness (not a unit test; in this package to time the package's own portrait stage): card
 * readings of the ten generated holders' fronts and backs photographed on a table (the unit tests' photos, each
 * portrait a different real person), single thread, warm-up, then medians and p90s of the whole check of each side
 * (with the OCR engines kept between sides, as the service runs, and started for each side, as it did until
 * 2026-12-05) and of the portrait stages on the rectified fronts, the cards taken in turn (three runs of each). Writes
 * the numbers to the file given as first argument (docs/benchmarks.md, "Card reading", is pasted from it).
 */
public final class CardReadingBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 30;

    private CardReadingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        OpenCvRuntime.ensureLoaded();
        Core.setNumThreads(1);
        CardCheckConfig checks = new SmallRyeConfigBuilder().withMapping(CardCheckConfig.class).build()
                .getConfigMapping(CardCheckConfig.class);
        CardSideChecker checker = CardSideCheckerTest.checker();
        CardSideChecker startingEngines = CardSideCheckerTest.checker(Duration.ZERO);
        CardLocator locator = new CardLocator(checks.minCardAreaFraction(), checks.borderMarginFraction());
        List<CardSideUpload> fronts = new ArrayList<>();
        List<CardSideUpload> backs = new ArrayList<>();
        List<Mat> rectified = new ArrayList<>();
        List<Mat> turned = new ArrayList<>();
        long frontBytes = 0;
        long backBytes = 0;
        Mat photo = null;
        for (CardHolder holder : CardHolder.ALL) {
            byte[] front = CardPhotos.photograph(CardPhotos.renderFront(holder), Placement.SLIGHTLY_TILTED);
            byte[] back = CardPhotos.photograph(CardPhotos.renderBack(holder), Placement.SLIGHTLY_TILTED);
            fronts.add(new CardSideUpload(IdCardSide.FRONT, front, holder.residentId(), holder.name()));
            backs.add(new CardSideUpload(IdCardSide.BACK, back, holder.residentId(), holder.name()));
            frontBytes += front.length;
            backBytes += back.length;
            photo = Imgcodecs.imdecode(new MatOfByte(front), Imgcodecs.IMREAD_COLOR);
            Mat card = CardLocator.rectify(photo, locator.locate(photo).orElseThrow(), checks.rectifiedWidth());
            Mat upsideDown = new Mat();
            Core.rotate(card, upsideDown, Core.ROTATE_180);
            rectified.add(card);
            turned.add(upsideDown);
        }
        CardFaceDetector faces = new CardFaceDetector(checks.minPortraitScore());
        PortraitChecks portraits = new PortraitChecks(faces, checks);
        CardLicencePortrait licencePortrait = new CardLicencePortrait(new PhotoAuditor(TestConfigs.defaults()), checks);
        List<Rect> found = rectified.stream().map(card -> faces.faces(card).get(0)).toList();

        int cards = CardHolder.ALL.size();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "input: %dx%d JPEG photos of the %d generated cards (fronts %d bytes, backs %d bytes on average); "
                        + "rectified %dx%d; each line takes the cards in turn%n",
                photo.cols(), photo.rows(), cards, frontBytes / cards, backBytes / cards, rectified.get(0).cols(),
                rectified.get(0).rows()));
        text.append(line("front, whole check (decode, locate, rectify, quality, portrait, number and name OCR)",
                i -> checker.check(fronts.get(i % cards))));
        text.append(line("back, whole check (decode, locate, rectify, quality, no face either way up, validity OCR)",
                i -> checker.check(backs.get(i % cards))));
        text.append(line("front, OCR engines started for the side and ended after it (engine-keep-idle 0)",
                i -> startingEngines.check(fronts.get(i % cards))));
        text.append(line("back, OCR engine started for the side and ended after it (engine-keep-idle 0)",
                i -> startingEngines.check(backs.get(i % cards))));
        text.append(line("  face search on the rectified front (one BlazeFace run)",
                i -> faces.faces(rectified.get(i % cards))));
        text.append(line("  portrait checks ID9-ID13, front as it lies", i -> portraits.checkFront(rectified.get(i % cards))));
        text.append(line("  portrait checks ID9-ID13, front upside down (turned, searched again)", i -> {
            PortraitChecks.FrontResult result = portraits.checkFront(turned.get(i % cards));
            result.card().release();
            return result;
        }));
        text.append(line("  licence portrait (the audit's perception on the printed portrait, framing, JPEG)",
                i -> licencePortrait.render(rectified.get(i % cards), found.get(i % cards))));
        text.append("load average at end: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        System.out.print(text);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), text);
        }
    }

    private static String line(String stage, IntFunction<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.apply(i);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.apply(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%s: median %.1f ms, p90 %.1f ms (n=%d after %d warm-up)%n", stage,
                millis[RUNS / 2], millis[RUNS * 9 / 10], RUNS, WARM_UP);
    }
}
