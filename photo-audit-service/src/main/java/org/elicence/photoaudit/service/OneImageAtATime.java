package org.elicence.photoaudit.service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Portrait audits and ID-card readings arrive on two topics, each handled one record at a time, and would otherwise
 * run side by side: one image is worked on at a time per instance, so that the decoded images and the models'
 * working memory of two are never held at once (docs/reliability.md, "Uploads cannot hurt the service"). More
 * throughput comes from more instances.
 * <p>
 * When both kinds wait, the turn goes to the kind that has had less of the image time, not to each kind in turn: a
 * card side takes about seven times a portrait's time, and taking turns gave the cards seven eighths of the
 * instance, so a portrait, which an applicant waits for on the phone, queued behind every card side before it
 * (photo verdict p50 4.6 s when cards were read elsewhere, about 20 s after; docs/reliability.md). A kind that was
 * idle comes back at most {@link #MAX_LEAD} of time ahead of the other, so a return after a quiet hour cannot hold
 * the other kind back for an hour.
 * <p>
 * A turn is a whole delivery (the consumers take it as their records' admission, before the delivery is counted
 * and its transaction begins, so a record waiting here has not begun): the image work and the delivery's few
 * database statements and commit. Between two records a consumer thread takes the next record, and for that while
 * (tens to hundreds of milliseconds on a busy machine) it waits for nothing here: a card side waiting then would
 * take every turn after a portrait, and the share would be turns again. So a kind in a run of its records (the record in hand was
 * requested before the kind's previous turn ended: it had been waiting) that is owed time has its next turn kept for
 * twice its last gap between two records of the run, at most {@link #MAX_KEEP}: at the end of a run the other kind
 * loses that much once. (The consumer's records lag would say whether more wait, but the Kafka client records it
 * only while it fetches, and a consumer whose handler is busy has stopped fetching.)
 */
@ApplicationScoped
public class OneImageAtATime {

    /** The image time one kind may have saved up while it was idle. */
    static final Duration MAX_LEAD = Duration.ofSeconds(1);

    /** The longest a turn is kept for a kind whose consumer is between two records of a run. */
    static final Duration MAX_KEEP = Duration.ofSeconds(1);

    /** What an image is worked on for: the kinds that share the instance's time. */
    public enum Work {
        PORTRAIT_AUDIT, CARD_READING
    }

    private final LongSupplier workClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnChanged = lock.newCondition();
    private final Map<Work, Long> timeUsed = new EnumMap<>(Work.class);
    private final Map<Work, Integer> waiting = new EnumMap<>(Work.class);
    private final Map<Work, Instant> lastTurnEnded = new EnumMap<>(Work.class);
    private final Map<Work, Long> gapInRun = new EnumMap<>(Work.class);
    private boolean busy;
    private Work keptFor;
    private long keptUntil;

    @Inject
    public OneImageAtATime() {
        this(System::nanoTime);
    }

    /** {@code workClock} times the work (tests move it by what a task costs); gaps and kept turns, the real clock. */
    OneImageAtATime(LongSupplier workClock) {
        this.workClock = workClock;
        for (Work work : Work.values()) {
            timeUsed.put(work, 0L);
            waiting.put(work, 0);
        }
    }

    /**
     * Runs {@code task} when no other image is being worked on and it is {@code work}'s turn; {@code requestedAt},
     * when the record in hand was requested (null: unknown), tells whether it had been waiting.
     */
    public <T> T run(Work work, Instant requestedAt, Supplier<T> task) {
        takeTurn(work, requestedAt);
        long start = workClock.getAsLong();
        try {
            return task.get();
        } finally {
            endTurn(work, workClock.getAsLong() - start);
        }
    }

    /** The same for a task without a result (a consumer's delivery). */
    public void run(Work work, Instant requestedAt, Runnable task) {
        run(work, requestedAt, () -> {
            task.run();
            return null;
        });
    }

    private void takeTurn(Work work, Instant requestedAt) {
        boolean interrupted = false;
        lock.lock();
        try {
            waiting.merge(work, 1, Integer::sum);
            Instant ended = lastTurnEnded.get(work);
            boolean inRun = ended != null && requestedAt != null && requestedAt.isBefore(ended);
            gapInRun.put(work, inRun ? Duration.between(ended, Instant.now()).toNanos() : null);
            while (busy || aWaitingKindIsOwed(work) || keptForAnother(work)) {
                try {
                    if (!busy && keptForAnother(work)) {
                        turnChanged.awaitNanos(keptUntil - System.nanoTime());
                    } else {
                        turnChanged.await();
                    }
                } catch (InterruptedException e) {
                    // a consumer's record is handled to its end, as the plain lock did; the flag is kept for after
                    interrupted = true;
                }
            }
            waiting.merge(work, -1, Integer::sum);
            keptFor = null;
            busy = true;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void endTurn(Work work, long nanos) {
        lock.lock();
        try {
            timeUsed.merge(work, nanos, Long::sum);
            long mostUsed = timeUsed.values().stream().mapToLong(Long::longValue).max().orElse(0);
            timeUsed.replaceAll((kind, used) -> Math.max(used, mostUsed - MAX_LEAD.toNanos()));
            busy = false;
            lastTurnEnded.put(work, Instant.now());
            Long gap = gapInRun.get(work);
            if (gap != null && isOwed(work)) {
                keptFor = work;
                keptUntil = System.nanoTime() + Math.min(2 * gap, MAX_KEEP.toNanos());
            }
            turnChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many tasks of {@code work} wait for their turn. */
    public int waiting(Work work) {
        lock.lock();
        try {
            return waiting.get(work);
        } finally {
            lock.unlock();
        }
    }

    private boolean keptForAnother(Work work) {
        return keptFor != null && keptFor != work && keptUntil - System.nanoTime() > 0;
    }

    /** Whether a kind that is waiting as well has had less time than {@code work} (ties go to neither). */
    private boolean aWaitingKindIsOwed(Work work) {
        return waiting.entrySet().stream().anyMatch(other -> other.getKey() != work && other.getValue() > 0
                && timeUsed.get(other.getKey()) < timeUsed.get(work));
    }

    /**
     * Whether {@code work} has had less time than another kind, waiting or not: the other's consumer may be between
     * two records as well.
     */
    private boolean isOwed(Work work) {
        long used = timeUsed.get(work);
        return timeUsed.entrySet().stream().anyMatch(other -> other.getKey() != work && other.getValue() > used);
    }
}
