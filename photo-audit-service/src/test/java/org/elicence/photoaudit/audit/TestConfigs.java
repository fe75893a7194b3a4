package org.elicence.photoaudit.audit;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.elicence.photoaudit.audit.checks.AuditChecks;

/** Builds the audit's configuration without Quarkus, from the @WithDefault values plus optional overrides. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static SmallRyeConfig defaults() {
        return with(Map.of());
    }

    public static SmallRyeConfig with(Map<String, String> overrides) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(overrides, "test-overrides", 500));
        AuditChecks.SETTINGS.forEach(builder::withMapping);
        return builder.build();
    }

    public static AuditConfig audit(SmallRyeConfig config) {
        return config.getConfigMapping(AuditConfig.class);
    }
}
