package org.elicence.messaging.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PayloadMemoryBudgetTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aShareLargerThanTheBudgetTakesTheWholeBudgetAndRunsAlone() {
        PayloadMemoryBudget budget = new PayloadMemoryBudget(64 * MIB);
        try (PayloadMemoryBudget.Reservation upload = budget.reserve(73 * MIB, Duration.ZERO).orElseThrow()) {
            assertEquals(64 * MIB, upload.bytes());
            assertTrue(budget.reserve(1, Duration.ofMillis(50)).isEmpty(), "nothing else fits beside it");
        }
        assertTrue(budget.reserve(64 * MIB, Duration.ZERO).isPresent(), "given back when closed");
    }

    @Test
    void sharesAddUpAndAreGivenBackOnceHoweverOftenClosed() {
        PayloadMemoryBudget budget = new PayloadMemoryBudget(64 * MIB);
        PayloadMemoryBudget.Reservation relay = budget.reserve(40 * MIB, Duration.ZERO).orElseThrow();
        try (PayloadMemoryBudget.Reservation small = budget.reserve(20 * MIB, Duration.ZERO).orElseThrow()) {
            assertTrue(budget.reserve(5 * MIB, Duration.ZERO).isEmpty(), "40 + 20 + 5 > 64");
            assertEquals(60 * MIB, budget.peakBytes());
        }
        relay.close();
        relay.close(); // a second close must not give the share back twice
        assertTrue(budget.reserve(64 * MIB, Duration.ZERO).isPresent());
        assertTrue(budget.reserve(1, Duration.ZERO).isEmpty(), "a double close would have left room here");
        assertTrue(budget.peakBytes() <= budget.budgetBytes());
    }

    @Test
    void aWaitingShareGetsItsTurnWhenTheHolderCloses() throws Exception {
        PayloadMemoryBudget budget = new PayloadMemoryBudget(64 * MIB);
        PayloadMemoryBudget.Reservation upload = budget.reserve(64 * MIB, Duration.ZERO).orElseThrow();
        CompletableFuture<Optional<PayloadMemoryBudget.Reservation>> relay = CompletableFuture
                .supplyAsync(() -> budget.reserve(50 * MIB, Duration.ofSeconds(10)));
        Thread.sleep(100);
        assertTrue(!relay.isDone(), "waits while the budget is taken");
        upload.close();
        assertTrue(relay.get(5, TimeUnit.SECONDS).isPresent());
    }
}
