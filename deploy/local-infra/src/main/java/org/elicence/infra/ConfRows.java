package org.elicence.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one of deploy's settings files ({@code topics.conf}, {@code kafka-access.conf}):
 * whitespace-separated fields, a fixed number per row, blank lines and {@code #}
 * comments skipped. A row with another number of fields fails the load, naming the file and the row. The
 * services' local broker reads the copies packaged into this module; deploy's validation reads the checkout's
 * files themselves, so that it sees an edit without this module being rebuilt.
 */
final class ConfRows {

    private ConfRows() {
    }

    static List<List<String>> load(String resource, int fields) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = ConfRows.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(file + " missing from the classpath: " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> read(Path file, int fields) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.getFileName().toString(), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> parse(BufferedReader reader, String file, int fields) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> row = List.of(trimmed.split("\\s+"));
            if (row.size() != fields) {
                throw new IllegalArgumentException(file + ": expected " + fields + " fields, got: " + trimmed);
            }
            rows.add(row);
        }
        return List.copyOf(rows);
    }
}
