package org.elicence.photoaudit.audit.tools;

import io.smallrye.config.SmallRyeConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.AuditPipeline;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.checks.AuditChecks;
import org.elicence.photoaudit.audit.checks.PhotoCheck;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.DecodedImage;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.elicence.photoaudit.audit.perception.FacePerception;
import org.elicence.photoaudit.audit.perception.FoundFaces;
import org.elicence.photoaudit.audit.render.AnnotationRenderer;
import org.elicence.photoaudit.audit.render.LicencePortraitRenderer;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Where the time of one audit goes: the stages of {@code PhotoAuditor.audit} run one by one with the same
 * classes, each timed separately (wall clock, median over the runs). The stages are re-run outside the
 * auditor, so their sum is close to, not equal to, the audit median.
 */
final class StageProfile {

    private final Map<String, List<Double>> times = new LinkedHashMap<>();

    private StageProfile() {
    }

    static String profile(byte[] jpeg, SmallRyeConfig settings, int warmUp, int runs) {
        AuditConfig config = settings.getConfigMapping(AuditConfig.class);
        StageProfile p = new StageProfile();
        ImageDecoder decoder = new ImageDecoder(config.decode());
        FacePerception perception = new FacePerception();
        AuditPipeline pipeline = new AuditPipeline(AuditChecks.create(settings), config.verdict().disabledRules());
        AnnotationRenderer renderer = new AnnotationRenderer(config.portrait());
        LicencePortraitRenderer portraitRenderer = new LicencePortraitRenderer(config.portrait());
        for (int i = 0; i < warmUp + runs; i++) {
            if (i == warmUp) {
                p.times.clear();
            }
            p.once(jpeg, config, decoder, perception, pipeline, renderer, portraitRenderer);
        }
        StringBuilder out = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, List<Double>> e : p.times.entrySet()) {
            double median = median(e.getValue());
            total += e.getKey().startsWith("  ") ? 0 : median;
            out.append(String.format(Locale.ROOT, "%-40s %6.2f ms%n", e.getKey(), median));
        }
        out.append(String.format(Locale.ROOT, "%-40s %6.2f ms%n", "sum of stage medians", total));
        return out.toString();
    }

    private void once(byte[] jpeg, AuditConfig config, ImageDecoder decoder, FacePerception perception,
            AuditPipeline pipeline, AnnotationRenderer renderer, LicencePortraitRenderer portraitRenderer) {
        long t = System.nanoTime();
        DecodedImage image = ((DecodeOutcome.Decoded) decoder.decode(jpeg)).image();
        t = lap(image.isReduced() ? "decode (header check + half-size imdecode)" : "decode (header check + imdecode)", t);
        Mat work = ImageDecoder.downscale(image, config.decode().workingLongSide());
        t = lap("downscale to working copy", t);
        Mat grey = new Mat();
        Mat lab = new Mat();
        Imgproc.cvtColor(work, grey, Imgproc.COLOR_BGR2GRAY);
        Imgproc.cvtColor(work, lab, Imgproc.COLOR_BGR2Lab);
        t = lap("grey + Lab planes", t);
        FoundFaces faces = perception.faces(work, config.perception().minFaceScore(),
                config.perception().minFacePresence());
        t = lap("face detection + landmarks (BlazeFace short range, 2 passes of the mesh)", t);
        if (faces.singleFaceLandmarks().isPresent()) {
            FaceLandmarks landmarks = faces.singleFaceLandmarks().get();
            perception.pose(landmarks, work.cols(), work.rows());
            t = lap("head pose (solvePnP)", t);
        }
        perception.personProbability(work).release();
        lap("person segmentation", t);
        // the checks, on an analysis built by the engine itself (not timed: it repeats the stages above)
        try (PhotoAnalysis analysis = new PhotoAnalysis(image, perception, config)) {
            List<CheckResult> results = new ArrayList<>();
            long c = System.nanoTime();
            long start = c;
            for (PhotoCheck check : pipeline.checks()) {
                if (!check.requiresFace() || analysis.face().isPresent()) {
                    results.add(check.evaluate(analysis));
                }
                c = lap("  " + check.rule() + " " + check.name(), c);
            }
            lap("all checks", start);
            long r = System.nanoTime();
            renderer.render(analysis, results);
            r = lap("annotated JPEG", r);
            if (analysis.face().isPresent()) {
                portraitRenderer.render(analysis, analysis.decoded());
                lap("licence portrait (crop, white wall, JPEG)", r);
            }
        }
        work.release();
        grey.release();
        lab.release();
        image.bgr().release();
    }

    private long lap(String stage, long since) {
        long now = System.nanoTime();
        times.computeIfAbsent(stage, s -> new ArrayList<>()).add((now - since) / 1e6);
        return now;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
