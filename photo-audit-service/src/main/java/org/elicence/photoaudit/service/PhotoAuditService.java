package org.elicence.photoaudit.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.PhotoAuditRequested;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.messaging.image.UploadedImageBase64;
import org.elicence.messaging.inbox.PoisonEventException;
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
        PhotoAuditRecord earlier = PhotoAuditRecord.findById(photoId);
        if (earlier != null && !earlier.applicationId.toString().equals(request.applicationId())) {
            // a producer's fault: its application would wait for a verdict that never comes; dead-lettered, it is seen
            throw new PoisonEventException("photo " + photoId + " of application " + request.applicationId()
                    + " was audited for another application");
        }
        if (earlier != null) {
            // a photo is audited once: its verdict went out with the first request
            LOG.infof("application %s: photo %s audited before, not again", request.applicationId(), photoId);
            return;
        }
        // undecodable base64 is no image (FAIL, rule IMAGE), as for a card side: not an exception, retried, dead-lettered
        byte[] photo = UploadedImageBase64.decodeOrEmpty(request.imageBase64());
        AuditReport report = auditor.audit(photo);
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

        EncodedImage portrait = report.licencePortraitJpeg().map(EncodedImage::of).orElse(null);
        outbox.publish(request.applicationId(), new PhotoAudited(request.applicationId(), request.applicantId(),
                request.photoId(), request.source(), report.verdict().name(), checks, portrait,
                EncodedImage.of(report.annotatedJpeg()), auditedAt, report.durationMillis()));
        recordMetrics(report);
        LOG.infof("audited photo %s of application %s: %s in %d ms", request.photoId(), request.applicationId(),
                report.verdict(), report.durationMillis());
    }

    private void recordMetrics(AuditReport report) {
        Timer.builder("photo_audit_duration").description("Time to audit one photo")
                .tag("verdict", report.verdict().name()).register(metrics)
                .record(java.time.Duration.ofMillis(report.durationMillis()));
        // verdicts by rule are counted by application-service as each verdict is recorded (photo_audit_checks_total,
        // once per verdict): counted here too, under the same name, a dashboard summing both counted each twice
    }

    private static RuleCheck toRuleCheck(CheckResult result) {
        LocalizedText message = result.guidance() == null ? null
                : new LocalizedText(result.guidance().zhCN(), result.guidance().en());
        return new RuleCheck(result.rule(), result.code(), result.verdict().name(), finiteOrNull(result.measured()),
                result.threshold(), result.unit() == null ? null : new LocalizedText(result.unit().zhCN(), result.unit().en()),
                message);
    }

    private static Double finiteOrNull(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
