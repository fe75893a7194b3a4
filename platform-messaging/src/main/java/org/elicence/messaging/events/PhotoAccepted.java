package org.elicence.messaging.events;

import java.time.Instant;

/**
 * application-service accepted a passing audit as its application's photo: the verdict was about the photo the
 * application currently holds (the applicant's latest upload, or the registry photo while nothing was uploaded).
 * The licence issuer issues from a passing {@link PhotoAudited} only for this photo, so a late verdict on an older
 * photo (say the registry photo's PASS after the applicant uploaded a newer one) never becomes the licence portrait.
 * Carries no image: the portrait stays the one photo-audit-service produced. Published on {@code applications}.
 */
public record PhotoAccepted(String applicationId, String applicantId, String photoId, Instant acceptedAt)
        implements KeyedByApplication {

    @Override
    public String toString() {
        return "PhotoAccepted[application=" + applicationId + ", photo=" + photoId + "]";
    }
}
