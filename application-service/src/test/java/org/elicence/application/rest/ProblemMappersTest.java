package org.elicence.application.rest;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.messaging.http.HttpProblems;
import org.elicence.messaging.http.Problem;
import org.elicence.messaging.http.ProblemTexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.Response;

/** A fault answers 500 with a correlation id only; what the exception's message says reaches neither body nor log. */
class ProblemMappersTest {

    private static final ProblemTexts TEXTS = new ProblemTexts(List.of("zh-CN", "en"));
    private static final ProblemMappers MAPPERS = new ProblemMappers(TEXTS, null,
            new HttpProblems(new ObjectMapper(), TEXTS, new MemorySize(BigInteger.valueOf(16L << 20))));

    private static final String PERSONAL = "Key (applicant_id)=(11010119900307213X) already exists";

    @Test
    void aFaultCarriesOnlyACorrelationId() {
        Response response = MAPPERS.unexpected(
                new IllegalStateException("wrapped", new RuntimeException(PERSONAL)), "en");
        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("INTERNAL_ERROR", problem.code());
        assertNotNull(problem.correlationId());
        assertTrue(problem.detail().contains(problem.correlationId()));
        assertFalse(problem.toString().contains("11010119900307213X"));
    }

    @Test
    void aChunkedBodyPastTheHttpLimitIsA413() {
        Response response = MAPPERS.unexpected(new java.io.UncheckedIOException(
                new java.io.IOException("Request too large")), (String) null);
        assertEquals(413, response.getStatus());
        assertEquals("PAYLOAD_TOO_LARGE", ((Problem) response.getEntity()).code());
        // no Accept-Language: the app's default, Chinese, with the limit in the words
        assertEquals("zh-CN", response.getHeaderString("Content-Language"));
        assertTrue(((Problem) response.getEntity()).detail().contains("16777216 字节"),
                ((Problem) response.getEntity()).detail());
    }
}
