package org.elicence.idcard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rule ID15, the one card check idcard-service makes itself: it alone holds both sides (docs/idcard.md). */
@ConfigMapping(prefix = "idcard.sides")
public interface CardSidesConfig {

    /** Perceptual hashes (64 bits) this close or closer mean the same picture was uploaded for both sides. */
    @WithDefault("10")
    int maxSameImageHashDistance();
}
