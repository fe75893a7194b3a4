package org.elicence.photoaudit.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.PhotoAuditRequested;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.photoaudit.audit.AuditReport;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.store.PhotoAuditRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Audits a requested photo and publishes the verdict. Runs inside the inbox transaction, so the
 * audit record and the PhotoAudited event commit together, once per request.
 */
@ApplicationScoped
public class PhotoAuditService {

    private static final Logger LOG = Logger.getLogger(PhotoAuditService.class);

    private final PhotoAuditor auditor;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    @Inject
    public PhotoAuditService(PhotoAuditor auditor, Outbox outbox, ObjectMapper json, MeterRegistry metrics) {
        this.auditor = auditor;
        this.outbox = outbox;
        this.json = json;
        this.metrics = metrics;
    }

    public void audit(PhotoAuditRequested request) {
        UUID photoId = UUID.fromString(request.photoId());
        if (PhotoAuditRecord.findById(photoId) != null) {
            return;
        }
        AuditReport report = auditor.audit(Base64.getDecoder().decode(request.imageBase64()));
        List<RuleCheck> checks = report.checks().stream().map(PhotoAuditService::toRuleCheck).toList();
        Instant auditedAt = Instant.now();

        PhotoAuditRecord record = new PhotoAuditRecord();
        record.photoId = photoId;
        record.applicationId = UUID.fromString(request.applicationId());
        record.source = request.source().name();
        record.verdict = report.verdict().name();
        record.checks = toJson(checks);
        record.durationMillis = report.durationMillis();
        record.auditedAt = auditedAt;
        record.persist();

        EncodedImage portrait = report.licencePortraitJpeg().map(PhotoAuditService::jpeg).orElse(null);
        outbox.publish(request.applicationId(), new PhotoAudited(request.applicationId(), request.applicantId(),
                request.photoId(), request.source(), report.verdict().name(), checks, portrait,
                jpeg(report.annotatedJpeg()), auditedAt, report.durationMillis()));
        recordMetrics(report);
        LOG.infof("audited photo %s of application %s: %s in %d ms", request.photoId(), request.applicationId(),
                report.verdict(), report.durationMillis());
    }

    private void recordMetrics(AuditReport report) {
        Timer.builder("photo_audit_duration").description("Time to audit one photo")
                .tag("verdict", report.verdict().name()).register(metrics)
                .record(java.time.Duration.ofMillis(report.durationMillis()));
        for (CheckResult check : report.checks()) {
            metrics.counter("photo_audit_checks", "rule", check.rule(), "verdict", check.verdict().name()).increment();
        }
    }

    private static RuleCheck toRuleCheck(CheckResult result) {
        LocalizedText message = result.guidance() == null ? null
                : new LocalizedText(result.guidance().zhCN(), result.guidance().en());
        return new RuleCheck(result.rule(), result.code(), result.verdict().name(), finiteOrNull(result.measured()),
                result.threshold(), result.unit(), message);
    }

    private static Double finiteOrNull(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    private static EncodedImage jpeg(byte[] bytes) {
        int[] size = jpegSize(bytes);
        return new EncodedImage("image/jpeg", size[0], size[1], Base64.getEncoder().encodeToString(bytes));
    }

    /** Reads only the JPEG header: the renderer made these bytes, so a failure here is a bug. */
    private static int[] jpegSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalStateException("rendered image is not a readable JPEG", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
