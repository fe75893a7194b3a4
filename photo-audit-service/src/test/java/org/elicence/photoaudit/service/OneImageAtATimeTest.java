package org.elicence.photoaudit.service;

import static org.elicence.photoaudit.service.OneImageAtATime.Work.CARD_READING;
import static org.elicence.photoaudit.service.OneImageAtATime.Work.PORTRAIT_AUDIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.elicence.photoaudit.service.OneImageAtATime.Work;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The share of one instance's image time between portraits and card sides, on a clock that each task moves by what
 * it costs (a card side 350 ms, a portrait 50 ms, about what they take on the build machine), so the order of turns
 * does not depend on the machine's speed. Pure logic: threads, no images.
 */
class OneImageAtATimeTest {

    private static final long CARD = Duration.ofMillis(350).toNanos();
    private static final long PORTRAIT = Duration.ofMillis(50).toNanos();

    private final AtomicLong clock = new AtomicLong();
    private final OneImageAtATime images = new OneImageAtATime(clock::get);
    private final List<Work> order = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger working = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * Each consumer takes 3 ms between records (commit, next record), in which a waiting card side would slip in but
     * for the turn kept for the portraits, whose records had been waiting.
     */
    @Test
    void whenBothKindsWaitEachHasHalfTheTimeNotHalfTheTurns() throws Exception {
        runTogether(new Queue(CARD_READING, 20, 3, true), new Queue(PORTRAIT_AUDIT, 400, 3, true));

        int portraitsBeforeLastCard = order.subList(0, order.lastIndexOf(CARD_READING)).stream()
                .filter(PORTRAIT_AUDIT::equals).mapToInt(work -> 1).sum();
        // 20 cards' time is 7 s, 140 portraits'; taking turns gave the portraits 20 (one a card)
        assertTrue(portraitsBeforeLastCard >= 120 && portraitsBeforeLastCard <= 160,
                "portraits run while 20 card sides waited: " + portraitsBeforeLastCard);
        assertEquals(420, order.size());
    }

    /**
     * Portraits requested one by one, 10 ms after the last is done, are no run: no turn is kept for them, and a card
     * side waiting goes between (about 20 portraits before the last of 20 card sides; a kept turn would make it 140).
     */
    @Test
    void noTurnIsKeptForRecordsThatWereNotWaiting() throws Exception {
        runTogether(new Queue(CARD_READING, 20, 0, true), new Queue(PORTRAIT_AUDIT, 100, 10, false));

        int portraitsBeforeLastCard = order.subList(0, order.lastIndexOf(CARD_READING)).stream()
                .filter(PORTRAIT_AUDIT::equals).mapToInt(work -> 1).sum();
        assertTrue(portraitsBeforeLastCard <= 25,
                "portraits run while 20 card sides waited: " + portraitsBeforeLastCard);
    }

    @Test
    void aKindThatWasIdleComesBackAtMostOneSecondAhead() throws Exception {
        new Queue(CARD_READING, 100).run(); // 35 s of card sides while no portrait came
        order.clear();

        runTogether(new Queue(CARD_READING, 5), new Queue(PORTRAIT_AUDIT, 100));

        int portraitsBeforeFirstCard = order.indexOf(CARD_READING);
        // one second is 20 portraits; without the limit the portraits would run 700 before a card side
        assertTrue(portraitsBeforeFirstCard <= 21,
                "portraits ahead of a waiting card side: " + portraitsBeforeFirstCard);
    }

    @Test
    void neverTwoImagesAtOnce() throws Exception {
        runTogether(new Queue(CARD_READING, 50), new Queue(CARD_READING, 50), new Queue(PORTRAIT_AUDIT, 50),
                new Queue(PORTRAIT_AUDIT, 50));

        assertEquals(200, order.size(), "every task ran, each alone (checked inside each)");
    }

    /** Starts the queues while an image is worked on, so that each waits for its first turn before any has one. */
    private void runTogether(Queue... queues) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        images.run(PORTRAIT_AUDIT, null, () -> {
            for (Queue queue : queues) {
                running.add(threads.submit(() -> {
                    queue.run();
                    return null;
                }));
            }
            while (images.waiting(CARD_READING) + images.waiting(PORTRAIT_AUDIT) < queues.length) {
                Thread.onSpinWait();
            }
            return null;
        });
        for (Future<?> queue : running) {
            queue.get();
        }
    }

    /** One channel's records, handled one after another as a consumer thread does. */
    private final class Queue {
        private final Work work;
        private final int tasks;
        private final long gapMillis;
        /** Whether every record was requested before the first is handled (a backlog), or each just before its turn. */
        private final Instant requestedAt;

        Queue(Work work, int tasks) {
            this(work, tasks, 0, true);
        }

        Queue(Work work, int tasks, long gapMillis, boolean waiting) {
            this.work = work;
            this.tasks = tasks;
            this.gapMillis = gapMillis;
            this.requestedAt = waiting ? Instant.now() : null;
        }

        void run() throws InterruptedException {
            for (int i = 0; i < tasks; i++) {
                if (i > 0) {
                    Thread.sleep(gapMillis);
                }
                images.run(work, requestedAt != null ? requestedAt : Instant.now(), () -> {
                    assertEquals(1, working.incrementAndGet(), "another image is being worked on");
                    order.add(work);
                    clock.addAndGet(work == CARD_READING ? CARD : PORTRAIT);
                    Thread.yield();
                    return working.decrementAndGet();
                });
            }
        }
    }
}
