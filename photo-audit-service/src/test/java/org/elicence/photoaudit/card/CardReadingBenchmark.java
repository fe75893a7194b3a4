package org.elicence.photoaudit.card;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.elicence.messaging.events.IdCardSide;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.card.testing.CardHolder;
import org.elicence.photoaudit.card.testing.CardPhotos;
import org.elicence.photoaudit.card.testing.CardPhotos.Placement;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Plain benchmark harness (not a unit test; in this package to time the package's own portrait stage): a card
 * reading of a generated front and back photographed on a table (the unit tests' photos), single thread, warm-up,
 * then medians and p90s of the whole check of each side and of the portrait stages on the rectified front. Writes
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
        CardHolder holder = CardHolder.WANG_FANG;
        BufferedImage frontCard = CardPhotos.renderFront(holder);
        byte[] front = CardPhotos.photograph(frontCard, Placement.SLIGHTLY_TILTED);
        byte[] back = CardPhotos.photograph(CardPhotos.renderBack(holder), Placement.SLIGHTLY_TILTED);
        Mat photo = Imgcodecs.imdecode(new MatOfByte(front), Imgcodecs.IMREAD_COLOR);
        CardLocator locator = new CardLocator(checks.minCardAreaFraction(), checks.borderMarginFraction());
        Mat rectified = CardLocator.rectify(photo, locator.locate(photo).orElseThrow(), checks.rectifiedWidth());
        Mat turned = new Mat();
        Core.rotate(rectified, turned, Core.ROTATE_180);
        CardFaceDetector faces = new CardFaceDetector(checks.minPortraitScore());
        PortraitChecks portraits = new PortraitChecks(faces, checks);

        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "input: %dx%d JPEG photos of a generated card (front %d bytes, back %d bytes); rectified %dx%d%n",
                photo.cols(), photo.rows(), front.length, back.length, rectified.cols(), rectified.rows()));
        text.append(line("front, whole check (decode, locate, rectify, quality, portrait, number and name OCR)",
                () -> checker.check(new CardSideUpload(IdCardSide.FRONT, front, holder.residentId(), holder.name()))));
        text.append(line("back, whole check (decode, locate, rectify, quality, no face either way up, validity OCR)",
                () -> checker.check(new CardSideUpload(IdCardSide.BACK, back, holder.residentId(), holder.name()))));
        text.append(line("  face search on the rectified front (one BlazeFace run)", () -> faces.faces(rectified)));
        text.append(line("  portrait checks ID9-ID13, front as it lies", () -> portraits.checkFront(rectified)));
        text.append(line("  portrait checks ID9-ID13, front upside down (turned, searched again)", () -> {
            PortraitChecks.FrontResult result = portraits.checkFront(turned);
            result.card().release();
            return result;
        }));
        text.append("load average at end: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        System.out.print(text);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), text);
        }
    }

    private static String line(String stage, Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%s: median %.1f ms, p90 %.1f ms (n=%d after %d warm-up)%n", stage,
                millis[RUNS / 2], millis[RUNS * 9 / 10], RUNS, WARM_UP);
    }
}
