package org.elicence.messaging.inbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.elicence.messaging.EventType;

/**
 * Which handler a consumer runs for each event type it cares about; other types are skipped. A type may also have an
 * admission: what a delivery of it waits for before it begins (before it is counted as unfinished and before its
 * transaction opens), such as a resource that only one handler of the service may use at a time.
 */
public final class EventRouter {

    /** Lets a delivery of {@code payload} run: calls {@code delivery} once, when it may (on the calling thread). */
    @FunctionalInterface
    public interface Admission<T> {
        void admit(T payload, Runnable delivery);
    }

    record Route(Consumer<Object> handler, Admission<Object> admission) {
    }

    private final Map<EventType, Route> routes;

    private EventRouter(Map<EventType, Route> routes) {
        this.routes = routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Route> routeFor(EventType type) {
        return Optional.ofNullable(routes.get(type));
    }

    /**
     * Runs the handler of {@code payload}'s type on the calling thread, in the caller's transaction, without its
     * admission: for an event a consumer kept aside when it was delivered (that delivery, and its event id, are done)
     * and handles later, once what it waited for has come.
     *
     * @throws IllegalArgumentException when no handler takes the payload's type
     */
    public void handle(Object payload) {
        EventType type = EventType.forPayload(payload.getClass())
                .orElseThrow(() -> new IllegalArgumentException("not a catalogued event: " + payload.getClass()));
        routeFor(type).orElseThrow(() -> new IllegalArgumentException("no handler for " + type.type()))
                .handler().accept(payload);
    }

    public static final class Builder {
        private final Map<EventType, Route> routes = new EnumMap<>(EventType.class);

        public <T> Builder on(Class<T> payloadType, Consumer<T> handler) {
            return on(payloadType, handler, (payload, delivery) -> delivery.run());
        }

        /** The handler of {@code payloadType}, whose deliveries each begin when {@code admission} lets them. */
        public <T> Builder on(Class<T> payloadType, Consumer<T> handler, Admission<T> admission) {
            EventType type = EventType.forPayload(payloadType)
                    .orElseThrow(() -> new IllegalArgumentException("not a catalogued event: " + payloadType));
            routes.put(type, new Route(payload -> handler.accept(payloadType.cast(payload)),
                    (payload, delivery) -> admission.admit(payloadType.cast(payload), delivery)));
            return this;
        }

        public EventRouter build() {
            return new EventRouter(new EnumMap<>(routes));
        }
    }
}
