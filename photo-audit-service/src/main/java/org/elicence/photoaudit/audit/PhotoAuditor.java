package org.elicence.photoaudit.audit;

import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.elicence.photoaudit.audit.checks.Results;
import org.jboss.logging.Logger;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.checks.AuditChecks;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.DecodedImage;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.audit.perception.FacePerception;
import org.elicence.photoaudit.audit.render.AnnotationRenderer;
import org.elicence.photoaudit.audit.render.LicencePortraitRenderer;

/**
 * Entry point of the photo audit engine: decode, perceive, check, decide, render. Thread-safe: all per-photo
 * state lives in a {@link PhotoAnalysis} and a model's net is lent to one run at a time. {@code @Startup} makes a
 * missing or broken model fail the application start instead of the first request.
 */
@Startup
@ApplicationScoped
public class PhotoAuditor {

    private static final Logger LOG = Logger.getLogger(PhotoAuditor.class);
    /** Size, framing and pixels: a photo that failed one of them gets no portrait (see {@code framable}). */
    private static final Set<String> FRAMING_RULES = Set.of("C2", "C3", "C7");
    private static final Guidance NOT_PROCESSABLE = new Guidance("无法处理这张照片：请用相机重新拍摄一张完整的正面照片后上传",
            "This photo could not be processed: take a new, complete front-facing photo with your camera and upload it");

    private final ImageDecoder decoder;
    private final FacePerception perception;
    private final AuditPipeline pipeline;
    private final VerdictPolicy policy = new VerdictPolicy();
    private final LicencePortraitRenderer portraitRenderer;
    private final AnnotationRenderer annotationRenderer;
    private final AuditConfig config;

    /**
     * The audit's settings groups are read from the application's configuration sources (application.properties,
     * environment, system properties) into a configuration of their own: Quarkus registers a mapping only where
     * it is injected, and the checks' groups are many and read in the checks' constructors.
     */
    @Inject
    public PhotoAuditor(Config config) {
        this(settingsFrom(config));
    }

    static SmallRyeConfig settingsFrom(Config config) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors().withValidateUnknown(false);
        config.getConfigSources().forEach(builder::withSources);
        AuditChecks.SETTINGS.forEach(builder::withMapping);
        return builder.build();
    }

    public PhotoAuditor(SmallRyeConfig settings) {
        OpenCvRuntime.ensureLoaded();
        this.config = settings.getConfigMapping(AuditConfig.class);
        this.decoder = new ImageDecoder(config.decode());
        this.perception = new FacePerception();
        this.pipeline = new AuditPipeline(AuditChecks.create(settings), config.verdict().disabledRules());
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
        try {
            return audit(decoded, encodedImage, start);
        } catch (RuntimeException e) {
            // a photo no measurement can handle still gets a verdict the applicant can act on, never a retry loop
            LOG.warnf("photo could not be processed: %s", e.getClass().getName());
            CheckResult reason = Results.fail("IMAGE", "PHOTO_NOT_PROCESSABLE", null, null, null,
                    NOT_PROCESSABLE);
            return new AuditReport(Verdict.FAIL, List.of(reason), Optional.empty(),
                    AnnotationRenderer.placeholder(reason.code()), elapsedMillis(start));
        } finally {
            decoded.image().bgr().release();
        }
    }

    private AuditReport audit(DecodeOutcome.Decoded decoded, byte[] encodedImage, long start) {
        try (PhotoAnalysis analysis = new PhotoAnalysis(decoded.image(), perception, config)) {
            List<CheckResult> results = pipeline.run(analysis);
            Verdict verdict = policy.decide(results);
            // Rendered whenever a face was framed: a PASS is issued from it; a photo with a NOT_ASSESSABLE rule goes
            // to staff, and so may a failed one the applicant asks them to review (the machine can be wrong), and a
            // reviewer can approve only what has a portrait.
            boolean nothingFailed = results.stream().noneMatch(r -> r.verdict() == CheckVerdict.FAIL);
            Optional<byte[]> portrait = Optional.empty();
            if (nothingFailed && analysis.face().isPresent()) {
                portrait = Optional.of(portrait(analysis, encodedImage));
            } else if (analysis.face().isPresent() && framable(results, analysis)) {
                portrait = failedPhotosPortrait(analysis);
            }
            byte[] annotated = annotationRenderer.render(analysis, results);
            return new AuditReport(verdict, results, portrait, annotated, elapsedMillis(start));
        }
    }

    /**
     * The licence portrait of a face in an image already decoded, the portrait printed on an ID card: framed as an
     * upload's is ({@code LicenceCrop}: the format's head length from the top of the hair to the chin, the hair the
     * format's margin below the top edge, a light neutral background whitened), so that a licence made from a card
     * meets the format as one made from an upload does. Only {@code photo}, a rectangle of {@code bgr}, is the
     * photograph: what lies around it (the card's print) is seen by the perception, and so frames the face as it
     * did, but the portrait shows the photo continued there instead, as it does beyond an upload's edges. Empty when
     * the perception finds no single face in it. The caller keeps and releases {@code bgr}.
     */
    public Optional<byte[]> licencePortrait(Mat bgr, Rect photo) {
        DecodedImage image = new DecodedImage(bgr, "bgr", "decoded", 1);
        try (PhotoAnalysis analysis = new PhotoAnalysis(image, perception, config)) {
            return analysis.face().map(face -> portraitRenderer.render(analysis, image, photo));
        }
    }

    /**
     * Whether a failed photo is worth a portrait for a reviewer: not when its size, framing or pixels failed (C2,
     * C3, C7: the crop would reach past the photo, be padded with its edges or enlarged, and no reviewer may approve
     * such a portrait), nor when it would need a second, full-resolution decode (what a failed upload may cost stays
     * what it was).
     */
    private boolean framable(List<CheckResult> results, PhotoAnalysis analysis) {
        boolean framingFailed = results.stream().anyMatch(r -> r.verdict() == CheckVerdict.FAIL
                && FRAMING_RULES.contains(r.rule()));
        return !framingFailed && !(analysis.decoded().isReduced() && portraitRenderer.needsMorePixels(analysis));
    }

    /**
     * A failed photo's portrait is for a reviewer only: one the renderer cannot make leaves the photo without one,
     * never without its verdict.
     */
    private Optional<byte[]> failedPhotosPortrait(PhotoAnalysis analysis) {
        try {
            return Optional.of(portraitRenderer.render(analysis, analysis.decoded()));
        } catch (RuntimeException e) {
            LOG.infof("no licence portrait for a failed photo: %s", e.getClass().getName());
            return Optional.empty();
        }
    }

    /** The licence portrait, cut from a full decode when the half-size one would have to be enlarged for it. */
    private byte[] portrait(PhotoAnalysis analysis, byte[] encodedImage) {
        if (!analysis.decoded().isReduced() || !portraitRenderer.needsMorePixels(analysis)) {
            return portraitRenderer.render(analysis, analysis.decoded());
        }
        if (!(decoder.decodeFullResolution(encodedImage) instanceof DecodeOutcome.Decoded full)) {
            throw new IllegalStateException("an upload decoded once did not decode at full resolution");
        }
        try {
            return portraitRenderer.render(analysis, full.image());
        } finally {
            full.image().bgr().release();
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
