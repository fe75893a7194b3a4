package org.elicence.licence.config;

import java.nio.file.Path;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** license-issuer-service settings (application.properties documents each key). */
@ConfigMapping(prefix = "licence")
public interface LicenceConfig {

    Keys keys();

    Authority authority();

    StatusList statusList();

    /** The signing identity as PEM files; in production they are mounted from a Kubernetes Secret. */
    interface Keys {
        Path iacaCert();

        Path dsCert();

        Path dsKey();

        /**
         * Generate a development IACA root and document signer when none of the three files exists. Only for
         * dev and test: a generated root is trusted by no one else.
         */
        @WithDefault("false")
        boolean generateIfMissing();
    }

    /** The Token Status List (draft-ietf-oauth-status-list) this issuer publishes at GET /api/v1/licences/status-list. */
    interface StatusList {
        /**
         * The public URL of that endpoint as verifiers reach it. It is signed into every credential (the status
         * claim's uri), so changing it later leaves older credentials pointing at the old URL.
         */
        String uri();
    }

    interface Authority {
        /** The authorityId values whose commands on licence-authority-commands are obeyed. */
        Set<String> authorisedIds();
    }
}
