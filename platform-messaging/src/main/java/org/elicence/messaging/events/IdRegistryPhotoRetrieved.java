package org.elicence.messaging.events;

/** The ID registry held a usable photo for the applicant; it was sent to the photo audit. */
public record IdRegistryPhotoRetrieved(String applicationId, String photoId) implements KeyedByApplication {
}
