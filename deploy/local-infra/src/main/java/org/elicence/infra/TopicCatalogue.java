package org.elicence.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        try (InputStream in = TopicCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("topic catalogue missing from the classpath: " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TopicSpec> parse(BufferedReader reader) throws IOException {
        List<TopicSpec> topics = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException("topics.conf: expected 4 fields, got: " + trimmed);
            }
            topics.add(new TopicSpec(fields[0], Integer.parseInt(fields[1]), Long.parseLong(fields[2]),
                    Integer.parseInt(fields[3])));
        }
        return List.copyOf(topics);
    }
}
