package org.elicence.photoaudit.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The licence portrait cut from a card's front (docs/idcard.md, "The portrait"): idcard-service hands it to staff
 * and, on approval, to the licence issuer.
 */
@ConfigMapping(prefix = "card-reading.portrait")
public interface CardPortraitConfig {

    @WithDefault("260")
    int width();

    @WithDefault("378")
    int height();

    /**
     * Portrait height as a multiple of the detected face's height (the face detector's box, brows to chin): how much
     * hair, neck and shoulders show.
     */
    @WithDefault("2.5")
    double heightPerFaceHeight();

    /** Where the face's centre sits, as a fraction of the portrait's height from the top. */
    @WithDefault("0.52")
    double faceCentreFromTop();

    @WithDefault("92")
    int jpegQuality();
}
