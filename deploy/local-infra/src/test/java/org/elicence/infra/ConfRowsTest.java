package org.elicence.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfRowsTest {

    @Test
    void readsEachRowsFieldsSkippingCommentsBlankLinesAndSurroundingSpace() {
        assertEquals(List.of(List.of("topic-a", "3", "604800000", "1048576"),
                        List.of("topic-b", "6", "86400000", "16777216")),
                ConfRows.load("/org/elicence/infra/rows.conf", 4));
    }

    @Test
    void readsACheckoutsFileAsThePackagedCopy(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("kafka-access.conf");
        try (InputStream in = ConfRows.class.getResourceAsStream(KafkaAccess.RESOURCE)) {
            Files.copy(in, file);
        }
        assertEquals(KafkaAccess.load(), KafkaAccess.read(file));
        Files.writeString(file, "# one principal\nreviewer-001 write topic idcard-review-decisions\n");
        assertEquals(List.of(new KafkaAccess.Grant("reviewer-001", "write", "topic", "idcard-review-decisions")),
                KafkaAccess.read(file));
    }

    @Test
    void aRowWithAnotherNumberOfFieldsFailsNamingTheFileAndTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfRows.load("/org/elicence/infra/short-row.conf", 4));
        assertEquals("short-row.conf: expected 4 fields, got: topic-b 3 604800000", e.getMessage());
    }

    @Test
    void aMissingFileFailsNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConfRows.load("/org/elicence/infra/absent.conf", 4));
        assertEquals("absent.conf missing from the classpath: /org/elicence/infra/absent.conf", e.getMessage());
    }
}
