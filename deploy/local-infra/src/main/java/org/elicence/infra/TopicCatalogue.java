package org.elicence.infra;

import java.util.List;
import java.util.Map;

/** Reads {@code deploy/topics.conf}, packaged into this module as a resource. */
public final class TopicCatalogue {

    public static final String RESOURCE = "/org/elicence/infra/topics.conf";

    public record TopicSpec(String name, int partitions, long retentionMs, int maxMessageBytes) {
        public Map<String, String> configs() {
            return Map.of(
                    "retention.ms", Long.toString(retentionMs),
                    "max.message.bytes", Integer.toString(maxMessageBytes));
        }
    }

    private TopicCatalogue() {
    }

    public static List<TopicSpec> load() {
        return ConfRows.load(RESOURCE, 4).stream()
                .map(f -> new TopicSpec(f.get(0), Integer.parseInt(f.get(1)), Long.parseLong(f.get(2)),
                        Integer.parseInt(f.get(3))))
                .toList();
    }
}
