package org.elicence.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dead letter is the record plus its reason headers, so its producer must take what the dead-letter topics take
 * (16 MiB, deploy/topics.conf): at Kafka's 1 MiB default, a large record that fails cannot be dead-lettered, is never
 * acknowledged, and holds its partition until the stall check restarts the service, which reads it again. Every
 * channel with a dead-letter topic sets the size; the operators' channels lacked it until 2026-12-07 (what kcat -z
 * sends may be MBs once decompressed).
 */
class DeadLetterSizeTest {

    private static final Pattern DEAD_LETTER_TOPIC = Pattern.compile(
            "(?m)^mp\\.messaging\\.incoming\\.([\\w-]+)\\.dead-letter-queue\\.topic=");

    @ParameterizedTest
    @MethodSource("org.elicence.deploy.k8s.ConsumerOrderTest#services")
    void everyDeadLetterProducerTakesWhatTheTopicTakes(String service) throws IOException {
        String settings = Files.readString(OverlaysTest.ROOT.resolve(service)
                .resolve("src/main/resources/application.properties"));
        Matcher channels = DEAD_LETTER_TOPIC.matcher(settings);
        List<String> tooSmall = new java.util.ArrayList<>();
        int count = 0;
        while (channels.find()) {
            count++;
            String size = "mp.messaging.incoming." + channels.group(1) + ".dead-letter-queue.max.request.size=16777216";
            if (!settings.contains(size)) {
                tooSmall.add(channels.group(1));
            }
        }
        assertFalse(count == 0, service + " has dead-letter channels to check");
        assertEquals(List.of(), tooSmall, service + ": dead-letter producers at Kafka's 1 MiB default");
    }
}
