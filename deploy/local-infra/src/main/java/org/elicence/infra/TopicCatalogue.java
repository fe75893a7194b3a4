package org.elicence.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads {@code deploy/topics.conf}: the copy packaged into this module, or a checkout's file. */
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

    /** The copy packaged into this module. */
    public static List<TopicSpec> load() {
        return topics(ConfRows.load(RESOURCE, 4));
    }

    /** A checkout's {@code deploy/topics.conf} itself. */
    public static List<TopicSpec> read(Path file) {
        return topics(ConfRows.read(file, 4));
    }

    private static List<TopicSpec> topics(List<List<String>> rows) {
        return rows.stream()
                .map(f -> new TopicSpec(f.get(0), Integer.parseInt(f.get(1)), Long.parseLong(f.get(2)),
                        Integer.parseInt(f.get(3))))
                .toList();
    }
}
