package org.elicence.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void theBrokersThreeListenersGetThreeDistinctPorts() throws IOException {
        for (int i = 0; i < 50; i++) {
            int[] ports = KafkaBrokerProcess.freePorts(3);
            assertEquals(3, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
        }
    }
}
