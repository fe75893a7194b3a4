package org.elicence.licence.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** license-issuer-service settings (application.properties documents each key). */
@ConfigMapping(prefix = "licence")
public interface LicenceConfig {

    Keys keys();

    Authority authority();

    AwaitingCreation awaitingCreation();

    /** Approvals read before their application's application.created (ApprovalsAwaitingCreation). */
    interface AwaitingCreation {
        /** How often the kept approvals whose application has been created since are handled. */
        @WithDefault("5s")
        String interval();

        /** Handlings of one kept approval that fail (not refused as poison) before it is refused. */
        @WithDefault("5")
        int maxAttempts();

        /**
         * A kept approval whose application is never created, or that was refused, is deleted after this (with one
         * refused for failing, the later events of its application it held): it holds personal data
         * (docs/privacy.md), and by then it is a fault to report, not an application to decide.
         */
        @WithDefault("P30D")
        Duration retention();
    }

    StatusList statusList();

    Credentials credentials();

    interface Credentials {
        /**
         * A live credential that ends within this (it lapses with the document signer certificate it was signed under,
         * 457 days at most, while the licence may run for years) is renewed before a new application is given it, if a
         * credential signed now would last longer.
         */
        @WithDefault("P30D")
        Duration renewWithin();
    }

    Metrics metrics();

    /** The signing identity as PEM files; in production they are mounted from a Kubernetes Secret. */
    interface Keys {
        Path iacaCert();

        Path dsCert();

        Path dsKey();

        /**
         * The IACA's certificate revocation list (PEM or DER), signed by the IACA; served at the CRL distribution
         * point the certificates name and consulted by /verify. Required: a missing file stops the start.
         */
        Path iacaCrl();

        /**
         * IACA roots this service used before a root rotation (docs/licence.md, "Rotation"): /verify still verifies
         * what their document signers signed, until each certificate expires. One CRL per root, in the same order, in
         * {@link #previousIacaCrls()}: a document signer the old IACA revoked stays refused.
         */
        Optional<List<Path>> previousIacaCerts();

        Optional<List<Path>> previousIacaCrls();

        /**
         * Document signer certificates used before a rotation: /jwks.json lists their keys until each expires, for
         * relying parties that find a credential's key by {@code kid}.
         */
        Optional<List<Path>> previousDsCerts();

        /**
         * Generate a development IACA root and document signer when none of the three files exists (and the CRL
         * when only it is missing and the IACA key lies beside the certificate). Only for dev and test: a generated
         * root is trusted by no one else.
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

        /**
         * Accept a localhost or plain-http {@link #uri()} outside dev and test (deploy/run-local.sh, a production-mode
         * run on one machine). Never in a deployment others verify against.
         */
        @WithDefault("false")
        boolean allowLocalUri();

        /** How long verifiers may cache a fetched list (the token's ttl claim and the response's max-age). */
        @WithDefault("PT5M")
        Duration ttl();

        /** How long a fetched list may be relied on at all (its exp claim); capped at the signer's expiry. */
        @WithDefault("PT24H")
        Duration validity();

        /**
         * The list is never shorter than this many entries. A long list hides how many credentials exist and gives
         * each holder a larger crowd to hide in when verifiers fetch it (the draft's "herd privacy"); unused
         * entries are VALID zeros, which compress to almost nothing.
         */
        @WithDefault("131072")
        int minEntries();
    }

    interface Metrics {
        /** How often the register gauges (LicenceRegisterMetrics) are re-read from the database. */
        @WithDefault("10s")
        String interval();
    }

    interface Authority {
        /** The authorities (Kafka principals) whose signed commands on licence-authority-commands are obeyed. */
        Set<String> authorisedIds();

        /**
         * Each authority's region: the licence-number prefixes it may act on (comma-separated; {@code *} for every
         * licence, the national authority). An authority without a region acts on no licence.
         */
        Map<String, String> regions();
    }
}
