package org.elicence.idcard.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long uploaded ID-card images (personal data) are kept; docs/privacy.md explains why. */
@ConfigMapping(prefix = "idcard.retention")
public interface RetentionConfig {

    /** After staff approved or rejected the card, long enough to answer the applicant's questions. */
    @WithDefault("P30D")
    Duration imagesAfterDecision();

    /** Images of uploads that never reached a decision (failed checks, abandoned applications). */
    @WithDefault("P90D")
    Duration undecidedImages();
}
