package org.elicence.application;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.elicence.infra.JwtKeysTestResource;
import org.elicence.infra.KafkaTestClient;
import org.elicence.infra.LocalInfraTestResource;
import org.elicence.messaging.TraceContext;
import org.elicence.messaging.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With tracing switched on, as on Kubernetes: the trace a mobile request belongs to continues into
 * the event it causes, although the outbox relay sends that event later on a thread of its own.
 */
@QuarkusTest
@TestProfile(TracePropagationTest.TracingOn.class)
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "application_trace_test"))
@WithTestResource(JwtKeysTestResource.class)
class TracePropagationTest {

    private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // No collector in tests: spans are made and propagated, not exported.
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @Test
    void theCallersTraceContinuesIntoTheEventTheOutboxPublishes() {
        String applicationId = given().auth().oauth2(Tokens.forApplicant("330106199507090625"))
                .header("traceparent", "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .contentType(ContentType.JSON).body("{\"fullName\":\"CHEN Jing\"}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");

        try (KafkaTestClient kafka = new KafkaTestClient(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            ConsumerRecord<String, String> created = kafka.await(Topics.APPLICATIONS,
                    record -> applicationId.equals(record.key()), Duration.ofSeconds(30));
            TraceContext carried = TraceContext.of(created.headers()).orElseThrow();
            assertEquals(CALLER_TRACE_ID, carried.traceId(), "the event belongs to the caller's trace");
            assertNotEquals(CALLER_SPAN_ID, carried.traceParent().split("-")[2],
                    "its parent is a span of this service (the request or the publish), not the caller's");
        }
    }
}
