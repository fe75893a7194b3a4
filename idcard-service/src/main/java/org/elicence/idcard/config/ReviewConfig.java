package org.elicence.idcard.config;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Staff review of uploaded ID cards. */
@ConfigMapping(prefix = "idcard.review")
public interface ReviewConfig {

    /** Reviewer ids allowed to decide cases (comma-separated); decisions by anyone else are refused. */
    Set<String> reviewers();

    /** Licence portrait made from the card's photo on approval. */
    Portrait portrait();

    interface Portrait {
        @WithDefault("260")
        int width();

        @WithDefault("378")
        int height();

        /** Portrait height as a multiple of the detected face's height: how much hair, neck and shoulders show. */
        @WithDefault("2.0")
        double heightPerFaceHeight();

        /** Where the face's centre sits, as a fraction of the portrait's height from the top. */
        @WithDefault("0.45")
        double faceCentreFromTop();

        @WithDefault("92")
        int jpegQuality();
    }
}
