package org.elicence.messaging.events;

/**
 * An event about one application, published keyed by that application's id (docs/events.md, "Key"): all of an
 * application's events share a partition and so keep their order, and a consumer serialises its handling per key.
 * A consumer refuses one whose key is another (InboundEventProcessor): handled, it would be ordered, locked and
 * answered as another application's.
 */
public interface KeyedByApplication {

    String applicationId();
}
