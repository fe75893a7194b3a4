package org.elicence.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Breaks the running platform on purpose while a burst of applications goes through it: every service
 * is killed with SIGKILL in turn and started again, then the Kafka broker. Two services run a second
 * instance in the same consumer group throughout, so partitions move between instances as their
 * peers die. Afterwards every accepted application must be in its correct end state, no licence
 * number may have been signed twice, no application may have two LicenceIssued events, nothing may be
 * dead-lettered and every outbox must be empty. While the broker is down, the services that answer HTTP (the mobile
 * API, staff's record, the public verification) must stay ready: what they publish waits in their outboxes, so a
 * Kafka outage must not take them out of their Kubernetes Service (docs/deploy.md).
 *
 * <p>CI size by default; the full size is a documented command (docs/reliability.md):
 * {@code -Dreliability.applications=500 -Dreliability.rate=5}.
 */
class FaultInjectionIT {

    private static final int APPLICATIONS = Integer.getInteger("reliability.applications", 40);
    private static final double RATE = Double.parseDouble(System.getProperty("reliability.rate", "2"));
    private static final Duration PATIENCE = Duration.ofMinutes(Long.getLong("reliability.patience-minutes", 6));
    /** The services that serve requests, by their API port's offset from the platform's (run-local.sh). */
    private static final Map<String, Integer> HTTP_SERVICES = Map.of(
            "application-service", 0, "idcard-service", 2, "license-issuer-service", 3);
    /** What each one's /q/health/ready answered while the broker was down. */
    private static final Map<String, Integer> READINESS_WITHOUT_BROKER = new ConcurrentHashMap<>();
    // Five seeded citizens make every application of the run.
    @RegisterExtension
    static final LocalPlatform PLATFORM = LocalPlatform.withoutPerApplicantLimits();

    /** Second instances (after the platform extension has started the first): same consumer groups, other ports. */
    @BeforeAll
    static void startSecondInstances() throws Exception {
        PLATFORM.startOne("photo-audit-service", Integer.toString(LocalPlatform.HTTP_PORT_BASE + 11));
        PLATFORM.startOne("license-issuer-service", Integer.toString(LocalPlatform.HTTP_PORT_BASE + 13));
    }

    @Test
    void killingEveryServiceAndTheBrokerDuringABurstLosesNothingAndIssuesNothingTwice() throws Exception {
        String runId = "fault-" + Instant.now().toEpochMilli();
        JourneyRunner runner = new JourneyRunner(PLATFORM, runId, PATIENCE, Duration.ofMillis(500));
        List<String> faults = new ArrayList<>();
        List<JourneyRunner.Outcome> outcomes = new ArrayList<>();
        Instant started = Instant.now();
        try (AutomatedReviewer reviewer = new AutomatedReviewer(PLATFORM.kafkaBootstrap())) {
            ExecutorService phones = Executors.newFixedThreadPool(Math.min(APPLICATIONS, 64));
            List<Future<JourneyRunner.Outcome>> journeys = new ArrayList<>();
            Thread chaos = new Thread(() -> breakThingsInTurn(faults), "chaos");
            chaos.start();
            Journey[] kinds = Journey.values();
            for (int i = 0; i < APPLICATIONS; i++) {
                Journey journey = kinds[i % kinds.length];
                int index = i;
                journeys.add(phones.submit(() -> runner.run(journey, index)));
                Thread.sleep((long) (1000 / RATE));
            }
            chaos.join();
            for (Future<JourneyRunner.Outcome> journey : journeys) {
                outcomes.add(journey.get());
            }
            phones.shutdown();
            phones.awaitTermination(1, TimeUnit.MINUTES);
        }
        Thread.sleep(3_000); // let the relays' last sweep publish anything still pending
        PlatformLedger ledger = PlatformLedger.read(PLATFORM, runId);
        RunSummary summary = new RunSummary(outcomes);

        RunSummary.write("fault-injection.md", "## Fault injection: " + APPLICATIONS + " applications at " + RATE
                + "/s, " + Duration.between(started, Instant.now()).toSeconds() + " s\n\n"
                + "Faults, in order: " + String.join("; ", faults) + "\n\n" + summary.outcomeTable() + "\n"
                + ledger.markdown() + "\nMachine: " + RunSummary.machine() + "\n");

        assertTrue(summary.neverAccepted().isEmpty(), "applications the phone could never submit: " + summary.neverAccepted());
        assertTrue(summary.notAtEndState().isEmpty(), "accepted applications not in their end state: "
                + summary.notAtEndState() + "; their stored status histories: " + PlatformLedger.storedHistories(PLATFORM,
                        summary.notAtEndState().stream().map(JourneyRunner.Outcome::applicationId).toList()));
        assertEquals(summary.accepted(), ledger.applicationsStored(), "one stored application per accepted one");
        assertEquals(ledger.applicationsStored(), ledger.distinctIdempotencyKeys(), "no retry opened a second application");
        assertTrue(ledger.noLicenceNumberSignedTwice(), "a licence number was signed twice: " + ledger);
        assertEquals(0, ledger.applicationsWithTwoLicenceIssuedEvents(), ledger.toString());
        assertEquals(0, ledger.totalDeadLetters(), "valid traffic was dead-lettered: " + ledger.deadLetters());
        assertEquals(0, ledger.totalUnpublished(), "events left in an outbox: " + ledger.unpublishedOutboxRows());
        assertEquals(HTTP_SERVICES.keySet(), READINESS_WITHOUT_BROKER.keySet(), "readiness not asked while the broker was down: " + faults);
        READINESS_WITHOUT_BROKER.forEach((service, status) -> assertEquals(200, status,
                service + " left its Service (readiness " + status + ") while Kafka was down"));
    }

    /** SIGKILL each service in turn and start it again, then the broker; record what was done and how long it took. */
    private static void breakThingsInTurn(List<String> faults) {
        try {
            Thread.sleep(3_000);
            for (String service : PlatformLedger.SERVICES) {
                faults.add(restartAfterKill9(service));
                Thread.sleep(2_000);
            }
            faults.add(brokerKilledWhileTheApisStayReady());
        } catch (Exception e) {
            faults.add("chaos stopped: " + e);
        }
    }

    /**
     * SIGKILL the broker; once its clients have lost their connections (Kafka clients notice a closed socket at once and
     * retry within a second), ask each HTTP service's readiness, then start the broker again.
     */
    private static String brokerKilledWhileTheApisStayReady() throws Exception {
        Instant killed = Instant.now();
        PLATFORM.kill9("kafka");
        try {
            Thread.sleep(5_000);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            for (Map.Entry<String, Integer> service : HTTP_SERVICES.entrySet()) {
                URI readiness = URI.create("http://localhost:" + (LocalPlatform.HTTP_PORT_BASE + service.getValue()
                        + LocalPlatform.MANAGEMENT_OFFSET) + "/q/health/ready");
                READINESS_WITHOUT_BROKER.put(service.getKey(), readinessStatus(http, readiness));
            }
        } finally {
            PLATFORM.startOne("kafka");
        }
        return "kill -9 kafka (readiness meanwhile: " + new TreeMap<>(READINESS_WITHOUT_BROKER) + "), back after "
                + Duration.between(killed, Instant.now()).toMillis() / 100 / 10.0 + " s";
    }

    /** The status readiness answers; a reply slower than 10 s (two cores under a burst) is asked again, twice. */
    private static int readinessStatus(HttpClient http, URI readiness) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(10)).build();
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException slowOrRefused) {
                Thread.sleep(1_000);
            }
        }
        return -1;
    }

    private static String restartAfterKill9(String name) throws Exception {
        Instant killed = Instant.now();
        PLATFORM.kill9(name);
        PLATFORM.startOne(name);
        return "kill -9 " + name + ", back after " + Duration.between(killed, Instant.now()).toMillis() / 100 / 10.0 + " s";
    }
}
