package org.elicence.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.junit.jupiter.api.Test;

/** {@link EventRouter#handle}: an event kept aside reaches the handler of its type, and only a handled type does. */
class EventRouterTest {

    private final List<Object> handled = new ArrayList<>();
    private final EventRouter router = EventRouter.builder()
            .on(ApplicationCreated.class, handled::add, (payload, delivery) -> {
                throw new AssertionError("an event handled later does not wait for its admission again");
            })
            .build();

    @Test
    void aKeptEventReachesTheHandlerOfItsType() {
        var created = new ApplicationCreated("a1", "110101199003072130", "测试", Instant.EPOCH);
        router.handle(created);
        assertEquals(List.of(created), handled);
    }

    @Test
    void aTypeWithoutHandlerOrOutsideTheCatalogueIsRefused() {
        var withdrawn = new ApplicationWithdrawn("a1", "110101199003072130", "BY_APPLICANT", Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> router.handle(withdrawn));
        assertThrows(IllegalArgumentException.class, () -> router.handle("not an event"));
        assertEquals(List.of(), handled);
    }
}
