package org.elicence.photoaudit.audit;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.audit.detect.CascadeFaceDetector;
import org.elicence.photoaudit.audit.detect.CascadeFiles;
import org.elicence.photoaudit.audit.detect.FaceDetector;
import org.elicence.photoaudit.audit.detect.YuNetFaceDetector;
import org.elicence.photoaudit.audit.render.AnnotationRenderer;
import org.elicence.photoaudit.audit.render.LicencePortraitRenderer;

/**
 * Entry point of the photo audit engine. Thread-safe: all per-photo state lives in a {@link PhotoAnalysis}
 * and native detectors are kept per thread. {@code @Startup} makes a missing cascade fail the application
 * start instead of the first request.
 */
@Startup
@ApplicationScoped
public class PhotoAuditor {

    private final ImageDecoder decoder;
    private final FaceDetector detector;
    private final AuditPipeline pipeline;
    private final VerdictPolicy policy;
    private final LicencePortraitRenderer portraitRenderer;
    private final AnnotationRenderer annotationRenderer;
    private final AuditConfig config;

    @Inject
    public PhotoAuditor(AuditConfig config) {
        OpenCvRuntime.ensureLoaded();
        this.config = config;
        this.decoder = new ImageDecoder(config.decode());
        this.detector = config.detection().yunetModelPath()
                .<FaceDetector>map(YuNetFaceDetector::new)
                .orElseGet(() -> new CascadeFaceDetector(config.detection(), new CascadeFiles(config.detection().cascadeDirectory())));
        this.pipeline = new AuditPipeline(config.verdict().disabledRules());
        this.policy = new VerdictPolicy(config.verdict().mandatoryRules());
        this.portraitRenderer = new LicencePortraitRenderer(config.portrait());
        this.annotationRenderer = new AnnotationRenderer(config.portrait());
    }

    public AuditReport audit(byte[] encodedImage) {
        long start = System.nanoTime();
        DecodeOutcome outcome = decoder.decode(encodedImage);
        if (outcome instanceof DecodeOutcome.Refused refused) {
            return new AuditReport(Verdict.FAIL, List.of(refused.reason()), Optional.empty(),
                    AnnotationRenderer.placeholder(refused.reason().code()), elapsedMillis(start));
        }
        DecodeOutcome.Decoded decoded = (DecodeOutcome.Decoded) outcome;
        try (PhotoAnalysis analysis = new PhotoAnalysis(decoded.image(), detector, config)) {
            List<CheckResult> results = pipeline.run(analysis);
            Verdict verdict = policy.decide(results);
            Optional<byte[]> portrait = verdict == Verdict.PASS ? Optional.of(portraitRenderer.render(analysis))
                    : Optional.empty();
            byte[] annotated = annotationRenderer.render(analysis, results);
            return new AuditReport(verdict, results, portrait, annotated, elapsedMillis(start));
        } finally {
            decoded.image().bgr().release();
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
