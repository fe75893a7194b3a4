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
import org.elicence.application.domain.StaffCardRecord;
import org.elicence.messaging.events.IdCardRejected;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.metrics.OwnedGauges;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds applications that have waited for another service longer than {@code applications.sweep.held-longer-than}
 * (an event lost or dead-lettered somewhere: retrying could not fix it) and hands them back to the applicant
 * ({@link Application#heldTooLong}): a notice says what to do, the gauge {@code applications.held} counts what the
 * last sweep found by status, {@code applications.held.released} what it moved, and the log names the application
 * id and status only. Staff reviews are not swept: they wait for a person, not a service; but a card under review
 * whose case staff's record shows decided longer ago than the bound (the decision's own event dead-lettered) is.
 */
@ApplicationScoped
public class HeldApplicationsSweep {

    private static final Logger LOG = Logger.getLogger(HeldApplicationsSweep.class);
    private static final int BATCH = 200;

    /** What the sweep looks at: what waits for a service, and cards under review whose decision never came. */
    private static final java.util.Set<ApplicationStatus> SWEPT = java.util.EnumSet.copyOf(
            ApplicationStatus.WAITING_FOR_A_SERVICE);
    static {
        SWEPT.add(ApplicationStatus.ID_CARD_UNDER_REVIEW);
    }

    /**
     * Held applications, oldest first; a card under review only when staff's record holds its current case decided
     * before the bound (a staff queue of thousands is not read every minute); a card being checked not when it waits
     * for the applicant (no side still being read, not both passed: a side missing or failed) or for staff's
     * decision on a case they have (both passed, a case pending in staff's record), which
     * {@link Application#heldTooLong} would leave as it is: such applications wait up to 90 days for the abandoned
     * sweep, and each was read again, one transaction each, at every pass of every instance.
     */
    private static final String HELD = "from Application a where (a.status in :waiting or (a.status = :review "
            + "and exists (select 1 from IdCardReviewCaseRecord c where c.caseId = a.idCardCase "
            + "and c.applicationId = a.id and c.status in :decided and c.closedAt < :bound))) and a.updatedAt < :bound "
            + "and not (a.status = :checking and coalesce(a.idCardFront, '') <> 'RECEIVED' "
            + "and coalesce(a.idCardBack, '') <> 'RECEIVED' "
            + "and (not (coalesce(a.idCardFront, '') = 'PASS' and coalesce(a.idCardBack, '') = 'PASS') "
            + "or exists (select 1 from IdCardReviewCaseRecord p where p.applicationId = a.id "
            + "and p.status = :pending)))";

    private static final Map<String, LocalizedText> NOTICES = Map.of(
            "REGISTRY_LOOKUP_DELAYED", new LocalizedText("暂时无法从身份证登记系统取得您的照片：请上传一张证件照，或上传身份证正反面照片。",
                    "Your ID photo could not be fetched from the registry: please upload a portrait, or both sides of your ID card."),
            Notice.PHOTO_NOT_PROCESSED, new LocalizedText("您的照片未能完成检测：请重新上传照片。",
                    "Your photo could not be checked: please upload it again."),
            "ID_CARD_NOT_PROCESSED", new LocalizedText("您的身份证照片未能完成检测：请重新上传身份证照片。",
                    "Your ID-card photo could not be checked: please upload it again."),
            "ID_CARD_NOT_ACCEPTED", new LocalizedText("工作人员审核后未接受您的身份证照片：请重新上传身份证正面和反面的照片。如需了解原因，请联系车管所。",
                    "Staff did not accept your ID card: please upload new photos of its front and back. The office can tell you why."),
            "ID_CARD_REVIEW_NOT_OPENED", new LocalizedText("您的身份证照片未能转交人工审核：请重新上传身份证正反面照片。",
                    "Your ID card could not be passed to staff for review: please upload both sides again."),
            "LICENCE_DELAYED", new LocalizedText("电子驾驶证的签发时间比平时长，无需任何操作，请稍候。",
                    "Issuing your e-licence is taking longer than usual; there is nothing you need to do."));

    private final ApplicationConfig config;
    private final Map<ApplicationStatus, AtomicLong> held = new EnumMap<>(ApplicationStatus.class);
    private final Counter released;
    private final OwnedGauges gauges;

    @Inject
    public HeldApplicationsSweep(ApplicationConfig config, MeterRegistry metrics) {
        this.config = config;
        this.gauges = new OwnedGauges(metrics);
        for (ApplicationStatus status : SWEPT) {
            AtomicLong count = new AtomicLong();
            held.put(status, count);
            gauges.register(Gauge.builder("applications.held", count, AtomicLong::get).tag("status", status.name())
                    .description("Applications the last sweep found waiting for a service beyond the bound "
                            + "(ID_CARD_UNDER_REVIEW: for a decision staff made)"));
        }
        this.released = Counter.builder("applications.held.released")
                .description("Applications handed back to the applicant after waiting too long").register(metrics);
    }

    @PreDestroy
    void removeGauges() {
        gauges.removeAll();
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
            page = QuarkusTransaction.requiringNew().call(() -> heldAfter(after, bound));
            for (Application application : page) {
                ApplicationStatus status = release(application.id, bound);
                if (status != null) {
                    found.merge(status, 1L, Long::sum);
                    total++;
                }
            }
            last = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == BATCH);
        for (ApplicationStatus status : SWEPT) {
            held.get(status).set(found.getOrDefault(status, 0L));
        }
        return total;
    }

    /** The next page of held applications after {@code after} (null: the first page). */
    public List<Application> heldAfter(Application after, Instant bound) {
        Parameters params = Parameters.with("waiting", ApplicationStatus.WAITING_FOR_A_SERVICE)
                .and("review", ApplicationStatus.ID_CARD_UNDER_REVIEW).and("bound", bound)
                .and("checking", ApplicationStatus.ID_CARD_CHECKING).and("pending", IdCardReviewCaseOpened.PENDING)
                .and("decided", List.of(IdCardReviewCaseClosed.APPROVED, IdCardReviewCaseClosed.REJECTED));
        return (after == null
                ? Application.<Application>find(HELD + " order by a.updatedAt, a.id", params)
                : Application.<Application>find(HELD + " and (a.updatedAt > :afterTime or (a.updatedAt = "
                        + ":afterTime and a.id > :afterId)) order by a.updatedAt, a.id",
                        params.and("afterTime", after.updatedAt).and("afterId", after.id)))
                .page(0, BATCH).list();
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
                IdCardReviewCaseRecord decided = decidedCase(application, bound);
                boolean pending = IdCardReviewCaseRecord.count("applicationId = ?1 and status = ?2", id,
                        IdCardReviewCaseOpened.PENDING) > 0;
                String code = application.heldTooLong(held -> notice(held, decided),
                        new StaffCardRecord(pending, decided == null ? null : decided.status));
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

    /** Staff's record of the application's current card case, if it shows the case closed before the bound. */
    private static IdCardReviewCaseRecord decidedCase(Application application, Instant bound) {
        IdCardReviewCaseRecord current = application.idCardCase == null ? null
                : IdCardReviewCaseRecord.findById(application.idCardCase);
        return current != null && application.id.equals(current.applicationId) && current.closedAt != null
                && current.closedAt.isBefore(bound) ? current : null;
    }

    /**
     * The notice of a code; a card staff did not accept says the reviewer's reason, as staff's record holds it, in
     * the words the rejection's own event would have carried.
     */
    private static Notice notice(String code, IdCardReviewCaseRecord decided) {
        if ("ID_CARD_NOT_ACCEPTED".equals(code) && decided != null && decided.reason != null) {
            return Notice.of(code, IdCardRejected.reviewerMessage(decided.reason, decided.reasonEn));
        }
        return Notice.of(code, NOTICES.get(code));
    }
}
