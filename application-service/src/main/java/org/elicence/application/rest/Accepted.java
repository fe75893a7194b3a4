package org.elicence.application.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API answers 202 with: the id of what it took in, and the status the application moved to. */
public final class Accepted {

    private Accepted() {
    }

    @Schema(name = "PhotoUploadAccepted")
    public record PhotoUpload(String photoId, @Schema(enumeration = "PHOTO_AUDITING") String status) {
    }

    @Schema(name = "IdCardUploadAccepted")
    public record IdCardUpload(String uploadId, @Schema(enumeration = "ID_CARD_CHECKING") String status) {
    }

    @Schema(name = "PhotoReviewRequested")
    public record PhotoReview(String caseId, @Schema(enumeration = "PHOTO_UNDER_REVIEW") String status) {
    }
}
