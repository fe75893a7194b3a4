package org.elicence.application.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.domain.Application;
import org.elicence.application.domain.ApplicationStatus;
import org.elicence.application.domain.IdCardReviewCaseRecord;
import org.elicence.application.domain.Notice;
import org.elicence.messaging.events.LocalizedText;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds applications that have waited for another service longer than {@code applications.sweep.held-longer-than}
 * (an event lost or dead-lettered somewhere: retrying could not fix it) and hands them back to the applicant
 * ({@link Application#heldTooLong}): a notice says what to do, the gauge {@code applications.held} counts what the
 * last sweep found by status, {@code applications.held.released} what it moved, and the log names the application
 * id and status only. Staff reviews are not swept: they wait for a person, not a service.
 */
@ApplicationScoped
public class HeldApplicationsSweep {

    private static final Logger LOG = Logger.getLogger(HeldApplicationsSweep.class);
    private static final int BATCH = 200;

    private static final Map<String, LocalizedText> NOTICES = Map.of(
            "REGISTRY_LOOKUP_DELAYED", new LocalizedText("暂时无法从身份证登记系统取得您的照片：请上传一张证件照，或上传身份证正反面照片。",
                    "Your ID photo could not be fetched from the registry: please upload a portrait, or both sides of your ID card."),
            "PHOTO_NOT_PROCESSED", new LocalizedText("您的照片未能完成检测：请重新上传照片。",
                    "Your photo could not be checked: please upload it again."),
            "ID_CARD_NOT_PROCESSED", new LocalizedText("您的身份证照片未能完成检测：请重新上传身份证照片。",
                    "Your ID-card photo could not be checked: please upload it again."),
            "ID_CARD_REVIEW_NOT_OPENED", new LocalizedText("您的身份证照片未能转交人工审核：请重新上传身份证正反面照片。",
                    "Your ID card could not be passed to staff for review: please upload both sides again."),
            "LICENCE_DELAYED", new LocalizedText("电子驾驶证的签发时间比平时长，无需任何操作，请稍候。",
                    "Issuing your e-licence is taking longer than usual; there is nothing you need to do."));

    private final ApplicationConfig config;
    private final Map<ApplicationStatus, AtomicLong> held = new EnumMap<>(ApplicationStatus.class);
    private final Counter released;

    @Inject
    public HeldApplicationsSweep(ApplicationConfig config, MeterRegistry metrics) {
        this.config = config;
        for (ApplicationStatus status : ApplicationStatus.WAITING_FOR_A_SERVICE) {
            AtomicLong count = new AtomicLong();
            held.put(status, count);
            Gauge.builder("applications.held", count, AtomicLong::get).tag("status", status.name())
                    .description("Applications the last sweep found waiting for a service beyond the bound")
                    .register(metrics);
        }
        this.released = Counter.builder("applications.held.released")
                .description("Applications handed back to the applicant after waiting too long").register(metrics);
    }

    @Scheduled(every = "${applications.sweep.every:PT1M}", delayed = "${applications.sweep.every:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sweep();
    }

    /** One pass; returns how many applications it found held. */
    public int sweep() {
        Instant bound = Instant.now().minus(config.sweep().heldLongerThan());
        Map<ApplicationStatus, Long> found = new EnumMap<>(ApplicationStatus.class);
        int total = 0;
        List<Application> page;
        Application last = null;
        do {
            // Each page starts after the last one's last row (by updatedAt, id), not at an offset: released
            // applications leave the query's results and those waiting for the applicant stay, so an offset would
            // skip some.
            Application after = last;
            page = QuarkusTransaction.requiringNew().call(() -> (after == null
                    ? Application.<Application>find("status in ?1 and updatedAt < ?2 order by updatedAt, id",
                            ApplicationStatus.WAITING_FOR_A_SERVICE, bound)
                    : Application.<Application>find("status in ?1 and updatedAt < ?2 and (updatedAt > ?3 "
                            + "or (updatedAt = ?3 and id > ?4)) order by updatedAt, id",
                            ApplicationStatus.WAITING_FOR_A_SERVICE, bound, after.updatedAt, after.id))
                    .page(0, BATCH).list());
            for (Application application : page) {
                ApplicationStatus status = release(application.id, bound);
                if (status != null) {
                    found.merge(status, 1L, Long::sum);
                    total++;
                }
            }
            last = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == BATCH);
        for (ApplicationStatus status : ApplicationStatus.WAITING_FOR_A_SERVICE) {
            held.get(status).set(found.getOrDefault(status, 0L));
        }
        return total;
    }

    /** Hands one application back, in its own transaction (an event racing it wins: the sweep tries next time). */
    private ApplicationStatus release(java.util.UUID id, Instant bound) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Application application = Application.findById(id);
                if (application == null || !application.updatedAt.isBefore(bound)) {
                    return null;
                }
                ApplicationStatus was = application.status;
                long minutes = java.time.Duration.between(application.updatedAt, Instant.now()).toMinutes();
                boolean cardCaseLive = IdCardReviewCaseRecord.count("applicationId = ?1 and status = 'PENDING'",
                        id) > 0;
                String code = application.heldTooLong(this::notice, cardCaseLive);
                if (code == null) {
                    return null;
                }
                released.increment();
                LOG.warnf("application %s held in %s for %d min: %s, now %s", id, was, minutes, code, application.status);
                return was;
            });
        } catch (RuntimeException raced) {
            if (!RaceRetry.lostARace(raced)) {
                throw raced;
            }
            return null;
        }
    }

    private Notice notice(String code) {
        return Notice.of(code, NOTICES.get(code));
    }
}
