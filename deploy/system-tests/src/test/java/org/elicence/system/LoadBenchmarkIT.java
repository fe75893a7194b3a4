package org.elicence.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The load generator: drives the mobile API of the whole platform, every process on this machine,
 * at a fixed arrival rate, then with one burst. Not a timed test: it asserts only that nothing was
 * lost; the figures go to target/reliability/load.md and, by hand, to docs/reliability.md.
 *
 * <p>Latencies are measured without polling load: the client notes when it began the submission
 * (the create, or the last upload), the application-service notes when the applicant's view reached
 * its end state ({@code application.updated_at}); both clocks are this machine's.
 *
 * <p>CI size by default; the full size (docs/reliability.md):
 * {@code -Dload.rate=20 -Dload.seconds=60 -Dload.burst=10000 -Dload.drain-minutes=12}; {@code -Dload.journeys=A,B}
 * offers only those journeys, to measure one path of the platform on its own.
 */
class LoadBenchmarkIT {

    private static final double RATE = Double.parseDouble(System.getProperty("load.rate", "5"));
    private static final int SECONDS = Integer.getInteger("load.seconds", 20);
    private static final int BURST = Integer.getInteger("load.burst", 300);
    /** The journeys offered in turn: all five by default, or a comma-separated list of {@link Journey} names. */
    private static final Journey[] JOURNEYS = journeys(System.getProperty("load.journeys", ""));
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(Long.getLong("load.drain-minutes", 10));
    // Ten seeded citizens stand in for a province's applicants.
    @RegisterExtension
    static final LocalPlatform PLATFORM = LocalPlatform.withoutPerApplicantLimits();

    /** The burst's applicants and the state their application must reach without further input. */
    private static final Map<String, String[]> BURST_CITIZENS = Map.of(
            "11010119900307213X", new String[] {"张伟", "PHOTO_REJECTED"},
            "310104198511230466", new String[] {"李娜", "PHOTO_REJECTED"},
            "440305197806141286", new String[] {"王芳", "ID_CARD_REQUIRED"},
            "510104196901303518", new String[] {"刘洋", "ID_CARD_REQUIRED"},
            "420102197510190843", new String[] {"黄丽", "ID_CARD_REQUIRED"},
            "330106199507090625", new String[] {"陈静", "ID_CARD_REQUIRED"},
            "610113200112254177", new String[] {"杨磊", "ID_CARD_REQUIRED"},
            "320102198304152206", new String[] {"孙悦", "ID_CARD_REQUIRED"},
            "330106199202290589", new String[] {"赵敏", "ID_CARD_REQUIRED"},
            "320102198808081755", new String[] {"周杰", "ID_CARD_REQUIRED"});

    @Test
    void sustainedRateThenABurstNothingLost() throws Exception {
        StringBuilder report = new StringBuilder();
        List<String> lost = new ArrayList<>();
        try (AutomatedReviewer reviewer = new AutomatedReviewer(PLATFORM.kafkaBootstrap())) {
            report.append(sustained(lost));
        }
        report.append(burst(lost));
        report.append("\nMachine: ").append(RunSummary.machine()).append('\n');
        RunSummary.write("load.md", report.toString());
        assertTrue(lost.isEmpty(), String.join("; ", lost));
    }

    private String sustained(List<String> lost) throws Exception {
        String runId = "load-" + Instant.now().toEpochMilli();
        // A phone waiting for the request to upload its ID card asks once a second; the latencies reported are
        // measured from stored timestamps, so this interval does not enter them.
        JourneyRunner runner = new JourneyRunner(PLATFORM, runId, DRAIN_LIMIT, Duration.ofSeconds(1));
        int total = (int) Math.round(RATE * SECONDS);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService phones = Executors.newCachedThreadPool();
        List<Future<JourneyRunner.Submission>> submissions = new ArrayList<>();
        Map<Future<JourneyRunner.Submission>, Journey> journeys = new HashMap<>();
        AtomicInteger index = new AtomicInteger();
        CountDownLatch scheduled = new CountDownLatch(total);
        Journey[] kinds = JOURNEYS;
        Instant start = Instant.now();
        long periodMicros = (long) (1_000_000 / RATE);
        var ticks = clock.scheduleAtFixedRate(() -> {
            int i = index.getAndIncrement();
            if (i >= total) {
                return;
            }
            Journey journey = kinds[i % kinds.length];
            long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
            Future<JourneyRunner.Submission> submission = phones.submit(
                    () -> runner.submit(journey, i, deadline, new AtomicInteger()));
            synchronized (submissions) {
                submissions.add(submission);
                journeys.put(submission, journey);
            }
            scheduled.countDown();
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        // Wait for the last tick to have recorded its submission, not merely to have taken its index:
        // reading the list while that tick still adds to it fails.
        if (!scheduled.await(SECONDS * 2L + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the arrival clock stopped after " + index.get() + " of " + total);
        }
        ticks.cancel(false);
        clock.shutdown();
        Instant arrivalsEnded = Instant.now();

        Map<String, JourneyRunner.Submission> byId = new HashMap<>();
        Map<String, Journey> journeyOf = new HashMap<>();
        for (Future<JourneyRunner.Submission> submission : submissions) {
            JourneyRunner.Submission accepted = submission.get();
            byId.put(accepted.applicationId(), accepted);
            journeyOf.put(accepted.applicationId(), journeys.get(submission));
        }
        phones.shutdown();
        Map<String, Object[]> finalStates = awaitEndStates(runId, id -> journeyOf.get(id).endState, byId.size());
        Instant drained = Instant.now();

        List<Long> verdicts = new ArrayList<>();
        List<Long> licences = new ArrayList<>();
        int atEndState = 0;
        for (var entry : byId.entrySet()) {
            Object[] state = finalStates.get(entry.getKey());
            if (state == null || !journeyOf.get(entry.getKey()).endState.equals(state[0])) {
                continue;
            }
            atEndState++;
            long millis = Duration.between(entry.getValue().submittedAt(), (Instant) state[1]).toMillis();
            if ("PHOTO_REJECTED".equals(state[0])) {
                verdicts.add(millis);
            } else if ("LICENCE_ISSUED".equals(state[0])) {
                licences.add(millis);
            }
        }
        double window = Duration.between(start, arrivalsEnded).toMillis() / 1000.0;
        String result = "## Sustained load: " + total + " applications at " + RATE + "/s for " + SECONDS + " s\n\n"
                + "Mix: " + mix() + ".\n"
                + "Arrivals took " + window + " s (" + String.format("%.1f", total / window) + " applications/s offered); "
                + "accepted " + byId.size() + ", in their end state " + atEndState + "; the last reached it "
                + Duration.between(arrivalsEnded, drained).toMillis() / 1000.0 + " s after the last arrival.\n\n"
                + "| latency (ms) | n | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n"
                + row("submission → photo verdict", verdicts) + row("submission → licence issued", licences) + "\n";
        if (byId.size() != total || atEndState != byId.size()) {
            lost.add("sustained: " + total + " submitted, " + byId.size() + " accepted, " + atEndState
                    + " in their end state within the drain limit");
        }
        return result;
    }

    private String burst(List<String> lost) throws Exception {
        String runId = "burst-" + Instant.now().toEpochMilli();
        List<String> citizens = new ArrayList<>(BURST_CITIZENS.keySet());
        JourneyRunner runner = new JourneyRunner(PLATFORM, runId, DRAIN_LIMIT, Duration.ofSeconds(1));
        ExecutorService phones = Executors.newFixedThreadPool(32);
        Instant start = Instant.now();
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String residentId = citizens.get(i % citizens.size());
            int index = i;
            created.add(phones.submit(() -> runner.create(residentId, BURST_CITIZENS.get(residentId)[0], index)));
        }
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < BURST; i++) {
            expected.put(created.get(i).get(), BURST_CITIZENS.get(citizens.get(i % citizens.size()))[1]);
        }
        Instant allAccepted = Instant.now();
        phones.shutdown();
        Map<String, Object[]> finalStates = awaitEndStates(runId, expected::get, BURST);
        Instant drained = Instant.now();
        long atEndState = expected.entrySet().stream()
                .filter(e -> finalStates.containsKey(e.getKey()) && e.getValue().equals(finalStates.get(e.getKey())[0]))
                .count();
        double acceptSeconds = Duration.between(start, allAccepted).toMillis() / 1000.0;
        double drainSeconds = Duration.between(start, drained).toMillis() / 1000.0;
        String result = "## Burst: " + BURST + " applications at once (32 client connections)\n\n"
                + "All accepted after " + acceptSeconds + " s (" + String.format("%.0f", BURST / acceptSeconds)
                + " creates/s); drained (every application in the state it reaches without further input: registry "
                + "photo audited, or ID card requested) after " + drainSeconds + " s ("
                + String.format("%.1f", BURST / drainSeconds) + " applications/s end to end); in their end state: "
                + atEndState + " of " + BURST + ", lost: " + (BURST - atEndState) + ".\n";
        if (atEndState != BURST) {
            lost.add("burst: " + atEndState + " of " + BURST + " in their end state within the drain limit");
        }
        return result;
    }

    private static Journey[] journeys(String names) {
        if (names.isBlank()) {
            return Journey.values();
        }
        return Arrays.stream(names.split(",")).map(String::trim).map(Journey::valueOf)
                .toArray(Journey[]::new);
    }

    private static String mix() {
        if (Arrays.equals(JOURNEYS, Journey.values())) {
            return "the five journeys of `Journey` in turn (2 of 5 end in a photo verdict, 2 in a licence, 1 in a refusal)";
        }
        return "only " + String.join(", ", Arrays.stream(JOURNEYS).map(Journey::name).toList())
                + " in turn (`-Dload.journeys`)";
    }

    /** Reads the run's applications until every one is in its expected state or the drain limit passes. */
    private static Map<String, Object[]> awaitEndStates(String runId, java.util.function.Function<String, String> expected,
            int count) throws Exception {
        Instant deadline = Instant.now().plus(DRAIN_LIMIT);
        Map<String, Object[]> states = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            states.clear();
            try (Connection db = PLATFORM.database("application");
                    PreparedStatement query = db.prepareStatement(
                            "SELECT id, status, updated_at FROM application WHERE idempotency_key LIKE ?")) {
                query.setString(1, runId + "-%");
                ResultSet rows = query.executeQuery();
                while (rows.next()) {
                    states.put(rows.getString(1),
                            new Object[] {rows.getString(2), rows.getTimestamp(3).toInstant()});
                }
            }
            long done = states.entrySet().stream().filter(e -> e.getValue()[0].equals(expected.apply(e.getKey()))).count();
            if (done == count) {
                break;
            }
            Thread.sleep(1_000);
        }
        return states;
    }

    private static String row(String name, List<Long> values) {
        return RunSummary.latencyRow(name, values.stream().mapToLong(Long::longValue).toArray());
    }
}
