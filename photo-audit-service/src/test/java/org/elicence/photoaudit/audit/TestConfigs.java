package org.elicence.photoaudit.audit;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** Builds {@link AuditConfig} without Quarkus, from the @WithDefault values plus optional overrides. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static AuditConfig defaults() {
        return with(Map.of());
    }

    public static AuditConfig with(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(overrides, "test-overrides", 500))
                .withMapping(AuditConfig.class)
                .build();
        return config.getConfigMapping(AuditConfig.class);
    }
}
