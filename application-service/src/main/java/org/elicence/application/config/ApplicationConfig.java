package org.elicence.application.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "applications")
public interface ApplicationConfig {

    Uploads uploads();

    Retention retention();

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
