package org.elicence.licence.config;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The status list URI is signed into every credential, so a wrong value strands every credential issued with it.
 * Outside development and tests it must be configured (application.properties has no default there) and must be
 * an https URI that other machines can reach: a loopback or localhost URI stops the start. A production-mode run
 * on one machine (deploy/run-local.sh) says so with {@code licence.status-list.allow-local-uri=true}.
 */
@ApplicationScoped
public class StatusListUriCheck {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    void onStart(@Observes StartupEvent event, LicenceConfig config) {
        check(config.statusList().uri(), LaunchMode.current().isDevOrTest() || config.statusList().allowLocalUri());
    }

    /** Throws when {@code uri} cannot be a public status list address (unless local addresses are allowed). */
    static void check(String uri, boolean localAllowed) {
        URI parsed;
        try {
            parsed = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("licence.status-list.uri is not a URI: " + uri);
        }
        if (parsed.getHost() == null || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))) {
            throw new IllegalStateException("licence.status-list.uri must be an absolute http(s) URI: " + uri);
        }
        if (localAllowed) {
            return;
        }
        String host = parsed.getHost().toLowerCase(Locale.ROOT);
        if (LOCAL_HOSTS.contains(host) || host.endsWith(".localhost") || host.startsWith("127.")) {
            throw new IllegalStateException("licence.status-list.uri (LICENCE_STATUS_LIST_URI) is " + uri + ": a local "
                    + "address would be signed into every credential and no verifier could reach it; set the public "
                    + "https address of GET /api/v1/licences/status-list");
        }
        if (!"https".equals(parsed.getScheme())) {
            throw new IllegalStateException("licence.status-list.uri must be https outside development: " + uri);
        }
    }
}
