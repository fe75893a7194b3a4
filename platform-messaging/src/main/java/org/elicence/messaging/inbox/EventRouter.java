package org.elicence.messaging.inbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.elicence.messaging.EventType;

/** Which handler a consumer runs for each event type it cares about; other types are skipped. */
public final class EventRouter {

    private final Map<EventType, Consumer<Object>> handlers;

    private EventRouter(Map<EventType, Consumer<Object>> handlers) {
        this.handlers = handlers;
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Consumer<Object>> handlerFor(EventType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    public static final class Builder {
        private final Map<EventType, Consumer<Object>> handlers = new EnumMap<>(EventType.class);

        public <T> Builder on(Class<T> payloadType, Consumer<T> handler) {
            EventType type = EventType.forPayload(payloadType)
                    .orElseThrow(() -> new IllegalArgumentException("not a catalogued event: " + payloadType));
            handlers.put(type, payload -> handler.accept(payloadType.cast(payload)));
            return this;
        }

        public EventRouter build() {
            return new EventRouter(new EnumMap<>(handlers));
        }
    }
}
