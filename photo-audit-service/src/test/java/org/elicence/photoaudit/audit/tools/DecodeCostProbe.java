package org.elicence.photoaudit.audit.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.elicence.messaging.image.UploadedImageHeader;
import org.elicence.photoaudit.audit.CostlyImages;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.card.NativeHeap;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Plain harness (not a unit test, Linux only): what decoding an upload really takes, beside what
 * {@link UploadedImageHeader#decodeBytes} judges from its header. For each kind of file at 40 million pixels it
 * measures the growth of the process's peak resident memory (VmHWM, reset through /proc/self/clear_refs, after the C
 * heap's free memory is handed back) while
 * {@link ImageDecoder} decodes it, at the audit's half size and in full, with the byte and scan limits lifted; then
 * the decoding time of scan bombs. Writes the table to the file given as first argument (docs/photo-audit.md,
 * "What a decode costs").
 */
public final class DecodeCostProbe {

    private static final int WIDTH = 7300;
    private static final int HEIGHT = 5470;

    private DecodeCostProbe() {
    }

    public static void main(String[] args) throws IOException {
        OpenCvRuntime.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1);
        ImageDecoder decoder = new ImageDecoder(TestConfigs.audit(TestConfigs.with(Map.of(
                "photo-audit.decode.max-decode-bytes", "100000000000",
                "photo-audit.decode.max-scans", "1000000",
                "photo-audit.decode.max-bytes", "100000000"))).decode());
        Mat picture = CostlyImages.flat(WIDTH, HEIGHT);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("baseline JPEG 4:2:0", jpeg(picture, false, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420));
        files.put("baseline JPEG 4:2:0, EXIF orientation 6",
                CostlyImages.turned(jpeg(picture, false, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420)));
        files.put("progressive JPEG 4:2:0", jpeg(picture, true, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420));
        files.put("progressive JPEG 4:4:4", CostlyImages.progressive(picture));
        files.put("8-bit RGB PNG", png(picture));
        files.put("16-bit RGB PNG", CostlyImages.sixteenBitPng(picture));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d x %d (%.1f M pixels); MB = 10^6 bytes%n%n", WIDTH, HEIGHT,
                WIDTH * (double) HEIGHT / 1e6));
        out.append("| file | judged from the header | peak growth, audit decode | peak growth, full decode |\n");
        out.append("|---|---|---|---|\n");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            long judged = UploadedImageHeader.read(file.getValue()).orElseThrow().decodeBytes();
            long audit = peakGrowth(() -> decoder.decode(file.getValue()));
            long full = peakGrowth(() -> decoder.decodeFullResolution(file.getValue()));
            out.append(String.format(Locale.ROOT, "| %s | %.0f MB | %.0f MB | %.0f MB |%n", file.getKey(),
                    judged / 1e6, audit / 1e6, full / 1e6));
        }
        picture.release();
        out.append("\n| scan bomb (4032 x 3024, progressive) | file | scans | audit decode |\n|---|---|---|---|\n");
        Mat phone = CostlyImages.flat(4032, 3024);
        byte[] progressive = CostlyImages.progressive(phone);
        for (int extra : new int[] {0, 1000, 5000}) {
            byte[] bomb = CostlyImages.withEmptyScans(progressive, 4032, 3024, extra);
            long start = System.nanoTime();
            release(decoder.decode(bomb));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.append(String.format(Locale.ROOT, "| %d extra scans | %.0f kB | %d | %.2f s |%n", extra,
                    bomb.length / 1e3, UploadedImageHeader.read(bomb).orElseThrow().scans(), seconds));
        }
        Files.writeString(Path.of(args[0]), out);
        System.out.print(out);
    }

    private static byte[] jpeg(Mat picture, boolean progressive, int sampling) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", picture, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, progressive ? 1 : 0,
                Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, sampling));
        return out.toArray();
    }

    private static byte[] png(Mat picture) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".png", picture, out);
        return out.toArray();
    }

    /** How far the resident set's peak rises above where it stood while {@code decode} runs. */
    private static long peakGrowth(Supplier<DecodeOutcome> decode) {
        System.gc();
        // what earlier decodes freed goes back to the system first, or a decode reusing it would not raise the peak
        NativeHeap.trim();
        try {
            long before = status("VmRSS:");
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            DecodeOutcome outcome = decode.get();
            long peak = status("VmHWM:");
            release(outcome);
            return peak - before;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void release(DecodeOutcome outcome) {
        if (outcome instanceof DecodeOutcome.Decoded decoded) {
            decoded.image().bgr().release();
        } else {
            throw new IllegalStateException("refused: " + outcome);
        }
    }

    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024;
            }
        }
        throw new IllegalStateException(field);
    }
}
