package org.elicence.licence.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatusListUriCheckTest {

    @Test
    void outsideDevelopmentOnlyAPublicHttpsAddressIsAccepted() {
        assertDoesNotThrow(() -> StatusListUriCheck.check("https://api.elicence.example/api/v1/licences/status-list", false));
        for (String local : new String[] {"http://localhost:8083/api/v1/licences/status-list",
                "https://localhost/api/v1/licences/status-list", "https://127.0.0.1/s", "https://[::1]/s",
                "https://status.localhost/s", "http://api.elicence.example/api/v1/licences/status-list"}) {
            assertThrows(IllegalStateException.class, () -> StatusListUriCheck.check(local, false), local);
        }
        assertThrows(IllegalStateException.class, () -> StatusListUriCheck.check("/api/v1/licences/status-list", false));
        assertThrows(IllegalStateException.class, () -> StatusListUriCheck.check("ftp://x.example/s", true));
    }

    /** application.properties as a production start reads it: no status list URI unless the deployment sets one. */
    @Test
    void productionHasNoDefaultStatusListUri() throws Exception {
        var properties = getClass().getClassLoader().getResource("application.properties");
        for (String profile : new String[] {"prod", "test", "dev"}) {
            var config = new io.smallrye.config.SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                    .withSources(new io.smallrye.config.PropertiesConfigSource(properties)).build();
            if ("prod".equals(profile)) {
                assertThrows(java.util.NoSuchElementException.class,
                        () -> config.getValue("licence.status-list.uri", String.class));
            } else {
                org.junit.jupiter.api.Assertions.assertEquals("http://localhost:8083/api/v1/licences/status-list",
                        config.getValue("licence.status-list.uri", String.class));
            }
        }
    }

    @Test
    void developmentAndLocalRunsMayUseLocalhost() {
        assertDoesNotThrow(() -> StatusListUriCheck.check("http://localhost:8083/api/v1/licences/status-list", true));
    }
}
