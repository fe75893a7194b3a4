package org.elicence.photoaudit.card;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A Tesseract model ({@code <language>.traineddata}: the number's English one, the name's and validity's Chinese
 * one), staged once in a private folder, and the engine started on it. Starting an engine costs about 85 ms for
 * {@code chi_sim} and 70 ms for {@code eng}, and a started engine holds the model's network and character set in
 * native memory for as long as it lives (44 MB for {@code chi_sim}, 11 MB for {@code eng}). An engine closed by
 * its reader is therefore kept for the next reading, but only for {@code keepIdle}: while card sides follow one
 * another (a queue of them under load) no reading pays for a start, and a service without cards to read carries
 * no engine (docs/idcard.md "Engine lifetime and memory"). A zero {@code keepIdle} ends every engine when its
 * reader closes it.
 */
final class TesseractModel {

    /**
     * Ends the engines left idle; a daemon, so it never holds the JVM up. An ending cancelled because a reader took
     * its engine leaves the queue at once (under load a few a second would otherwise wait out their keep time there).
     */
    private static final ScheduledThreadPoolExecutor IDLE_ENGINES = idleEngines();

    private final Path folder;
    private final String language;
    private final Duration keepIdle;
    /** The engine closed by its last reader and not yet ended; at most one (card sides are read one at a time). */
    private Idle idle;

    /** One hand-back of an engine: the engine and its ending, which a reader taking the engine cancels. */
    private static final class Idle {
        final TesseractOcr engine;
        /** Guarded by the model, as {@link #idle} is. */
        ScheduledFuture<?> ending;

        Idle(TesseractOcr engine) {
            this.engine = engine;
        }
    }

    TesseractModel(String tessdataLocation, String language, Duration keepIdle) {
        this.folder = TesseractOcr.modelFolder(tessdataLocation, language);
        this.language = language;
        this.keepIdle = keepIdle;
        // Fail at start, not on the first card, if the model cannot be loaded; nothing is kept from this check.
        new TesseractOcr(folder, language, TesseractOcr::end).close();
    }

    /**
     * An engine answering any character of the model or only those of {@code alphabet}: the idle one if there is
     * one, else a new one. The caller closes it (which hands it back) and uses it from one thread.
     */
    TesseractOcr open(String alphabet) {
        TesseractOcr engine = null;
        synchronized (this) {
            if (idle != null) {
                idle.ending.cancel(false);
                engine = idle.engine;
                idle = null;
            }
        }
        if (engine == null) {
            engine = new TesseractOcr(folder, language, this::handBack);
        }
        engine.restrictTo(alphabet);
        return engine;
    }

    private void handBack(TesseractOcr engine) {
        synchronized (this) {
            if (!keepIdle.isZero() && idle == null) {
                // scheduled under the lock, so that the reader taking the engine next finds its ending to cancel
                Idle kept = new Idle(engine);
                kept.ending = IDLE_ENGINES.schedule(() -> endIfStillIdle(kept), keepIdle.toMillis(),
                        TimeUnit.MILLISECONDS);
                idle = kept;
                return;
            }
        }
        // the reader's check hands the memory back when it ends (CardSideChecker.check)
        engine.end();
    }

    /**
     * Ends the engine kept at {@code kept} unless a reader has taken it since (a later hand-back is another Idle): an
     * ending already running when its reader cancelled it finds the engine gone.
     */
    private void endIfStillIdle(Idle kept) {
        synchronized (this) {
            if (idle != kept) {
                return;
            }
            idle = null;
        }
        kept.engine.end();
        // outside any check, whose end would otherwise hand back what the engine freed
        NativeHeap.trim();
    }

    private static ScheduledThreadPoolExecutor idleEngines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "tesseract-idle-engines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** How many endings of idle engines wait in the queue, of every model. */
    static int endingsWaiting() {
        return IDLE_ENGINES.getQueue().size();
    }
}
