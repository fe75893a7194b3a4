package org.elicence.application.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "applications")
public interface ApplicationConfig {

    Uploads uploads();

    Retention retention();

    PhotoReview photoReview();

    /** Staff review of photos (docs/operator-runbook.md, "Photo review"). */
    interface PhotoReview {
        /** Reviewer ids allowed to decide photo review cases (comma-separated); anyone else is refused. */
        java.util.Set<String> reviewers();

        /** Failed audits after which an applicant may ask for a review (POST /photo/review-request). */
        @WithDefault("3")
        int requestAfterFailures();
    }

    interface Retention {
        /** The annotated photo (personal data) is deleted this long after the application closed. */
        @WithDefault("P30D")
        java.time.Duration annotatedPhotoAfterClose();
    }

    interface Uploads {
        /** Largest accepted photo or ID-card image; larger bodies get 413. */
        @WithDefault("10485760")
        int maxBytes();

        /** Uploads one applicant may make per window, across all applications; more get 429. */
        @WithDefault("20")
        int perApplicantLimit();

        @WithDefault("PT1M")
        Duration limitWindow();
    }
}
