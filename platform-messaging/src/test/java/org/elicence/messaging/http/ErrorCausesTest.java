package org.elicence.messaging.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorCausesTest {

    private static final String PERSONAL = "Key (applicant_id)=(11010119900307213X) already exists";

    @Test
    void theLineNamesExceptionClassesAndFramesNotMessages() {
        String logged = ErrorCauses.classes(new IllegalStateException("wrapped", new RuntimeException(PERSONAL)));
        assertTrue(logged.startsWith("java.lang.IllegalStateException at "), logged);
        assertTrue(logged.contains("<- java.lang.RuntimeException at "), logged);
        assertTrue(logged.contains("ErrorCausesTest"), "the frame it was thrown at: " + logged);
        assertFalse(logged.contains("11010119900307213X"), logged);
        assertFalse(logged.contains("wrapped"), logged);
    }

    @Test
    void aLongOrSelfReferringChainEnds() {
        Throwable chain = new RuntimeException("last");
        for (int i = 0; i < 500; i++) {
            chain = new RuntimeException("link " + i, chain);
        }
        assertTrue(ErrorCauses.classes(chain).length() < 1200, "cut off after about 1000 characters");
        Throwable noStack = new RuntimeException("no frames");
        noStack.setStackTrace(new StackTraceElement[0]);
        assertTrue(ErrorCauses.classes(noStack).equals("java.lang.RuntimeException"));
    }
}
