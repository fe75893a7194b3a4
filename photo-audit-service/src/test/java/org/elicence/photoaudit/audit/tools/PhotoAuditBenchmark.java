package org.elicence.photoaudit.audit.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import io.smallrye.config.SmallRyeConfig;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.elicence.photoaudit.audit.AuditReport;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Plain benchmark harness (not a unit test): single thread, warm-up, then the median and p90 of the audit
 * of a 1200 x 1600 JPEG portrait of a real person (a compliant photo, so every check runs) beside the median of
 * decoding the same JPEG alone in full ({@link ImageDecoder#IMREAD_FLAGS}: every pixel; the audit itself decodes
 * a JPEG this large at half size), then a per-stage profile ({@link StageProfile}). Writes the numbers to the file
 * given as first argument (the photo-audit section of docs/benchmarks.md is pasted from it).
 */
public final class PhotoAuditBenchmark {

    /** A compliant neutral photo of the real-people corpus (CC BY 4.0, corpus/frl-london/README.md). */
    static final String PORTRAIT = "/corpus/frl-london/frl_002_neutral.jpg";
    private static final int WARM_UP = 30;
    private static final int RUNS = 100;

    private PhotoAuditBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        org.elicence.photoaudit.audit.OpenCvRuntime.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1); // single-threaded figures: no OpenCV worker pool either
        SmallRyeConfig config = TestConfigs.defaults();
        PhotoAuditor auditor = new PhotoAuditor(config);
        // a real compliant portrait of the corpus, cut to 3:4 around the face and enlarged to 1200 x 1600
        byte[] source = PhotoAuditBenchmark.class.getResourceAsStream(PORTRAIT).readAllBytes();
        Mat photo = Imgcodecs.imdecode(new MatOfByte(source), Imgcodecs.IMREAD_COLOR);
        Mat portrait = new Mat();
        Imgproc.resize(photo.submat(new Rect(112, 0, 675, 900)), portrait, new Size(1200, 1600), 0, 0, Imgproc.INTER_CUBIC);
        MatOfByte encoded = new MatOfByte();
        Imgcodecs.imencode(".jpg", portrait, encoded, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 90));
        byte[] jpeg = encoded.toArray();
        AuditReport sample = auditor.audit(jpeg);
        double[] audit = new double[RUNS];
        double[] decode = new double[RUNS];
        for (int i = 0; i < WARM_UP; i++) {
            auditor.audit(jpeg);
            Imgcodecs.imdecode(new MatOfByte(jpeg), ImageDecoder.IMREAD_FLAGS).release();
        }
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Imgcodecs.imdecode(new MatOfByte(jpeg), ImageDecoder.IMREAD_FLAGS).release();
            long t1 = System.nanoTime();
            auditor.audit(jpeg);
            long t2 = System.nanoTime();
            decode[i] = (t1 - t0) / 1e6;
            audit[i] = (t2 - t1) / 1e6;
        }
        Arrays.sort(audit);
        Arrays.sort(decode);
        double ratio = audit[RUNS / 2] / decode[RUNS / 2];
        String text = String.format(java.util.Locale.ROOT,
                "input: 1200x1600 JPEG q90, %d bytes, verdict %s, %d checks%n"
                        + "audit  median %.1f ms, p90 %.1f ms, min %.1f ms (n=%d after %d warm-up)%n"
                        + "decode median %.1f ms, p90 %.1f ms%n"
                        + "ratio audit/decode (median) %.2f%n"
                        + "JVM heap used after run: %d MB; load average at end: %s%n",
                jpeg.length, sample.verdict(), sample.checks().size(), audit[RUNS / 2], audit[RUNS * 9 / 10], audit[0], RUNS,
                WARM_UP, decode[RUNS / 2], decode[RUNS * 9 / 10], ratio, (rt.totalMemory() - rt.freeMemory()) >> 20,
                Files.readString(Path.of("/proc/loadavg")).trim());
        text += String.format("%nstage profile (median of %d runs after %d warm-up; per-check lines are indented):%n", RUNS, WARM_UP)
                + StageProfile.profile(jpeg, config, WARM_UP, RUNS)
                + "load average after profile: " + Files.readString(Path.of("/proc/loadavg")).trim() + "\n";
        System.out.print(text);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), text);
        }
    }
}
