package org.elicence.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.IdCardReviewDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared schema mechanics: what the records write validates, and what breaks a schema is caught. */
class EventSchemasTest {

    private static final ObjectMapper JSON = SampleEvents.objectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aSampleBuiltFromTheRecordValidates(EventType type) throws Exception {
        Object sample = SampleEvents.of(type);
        assertEquals(type.payloadType(), sample.getClass());
        assertEquals(type, EventType.forPayload(sample.getClass()).orElseThrow());
        JsonNode data = JSON.valueToTree(sample);

        assertEquals(List.of(), EventSchemas.violations(type, data), type.type());
        EventSchemas.requireValid(type, data);
        // and the JSON reads back into the same record
        assertEquals(sample, JSON.treeToValue(data, type.payloadType()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTypeHasItsSchemaOnTheClasspath(EventType type) {
        assertNotNull(EventSchemas.class.getResource(type.schemaResource()), type.schemaResource());
        assertEquals(type, EventType.fromType(type.type()).orElseThrow());
    }

    @Test
    void aMissingRequiredFieldFails() {
        ObjectNode data = sample(EventType.APPLICATION_CREATED);
        data.remove("fullName");

        List<String> violations = EventSchemas.violations(EventType.APPLICATION_CREATED, data);

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("fullName"), violations.toString());
    }

    /** idcard-service's rules go up to ID21 (the name and the validity read from the card); ID22 is no rule. */
    @Test
    void aSideCheckCarriesTheCardRulesUpToId21() {
        for (String rule : List.of("ID1", "ID19", "ID20", "ID21", "INPUT")) {
            ObjectNode data = sample(EventType.ID_CARD_SIDE_CHECKED);
            ((ObjectNode) data.get("checks").get(0)).put("rule", rule);
            assertEquals(List.of(), EventSchemas.violations(EventType.ID_CARD_SIDE_CHECKED, data), rule);
        }
        ObjectNode data = sample(EventType.ID_CARD_SIDE_CHECKED);
        ((ObjectNode) data.get("checks").get(0)).put("rule", "ID22");
        assertFalse(EventSchemas.violations(EventType.ID_CARD_SIDE_CHECKED, data).isEmpty());
    }

    @Test
    void aCheckSaysWhatWasMeasuredInBothLanguagesAndAnOlderEnglishOnlyUnitStillReads() throws Exception {
        ObjectNode data = sample(EventType.PHOTO_AUDITED);
        ObjectNode check = (ObjectNode) data.get("checks").get(0);
        assertEquals("人脸数", check.at("/unit/zh-CN").asText());
        assertEquals("faces", check.at("/unit/en").asText());
        // written before units had both languages: a plain English string, read as that text in either language
        check.put("unit", "faces");
        assertEquals(List.of(), EventSchemas.violations(EventType.PHOTO_AUDITED, data));
        org.elicence.messaging.events.PhotoAudited read = JSON.treeToValue(data,
                org.elicence.messaging.events.PhotoAudited.class);
        assertEquals(new org.elicence.messaging.events.LocalizedText("faces", "faces"), read.checks().get(0).unit());
        // half a translation is not one
        check.putObject("unit").put("en", "faces");
        assertFalse(EventSchemas.violations(EventType.PHOTO_AUDITED, data).isEmpty());
    }

    @Test
    void aValueOutsideTheEnumFails() {
        ObjectNode data = sample(EventType.PHOTO_AUDIT_REQUESTED);
        data.put("source", "SCANNER");

        List<String> violations = EventSchemas.violations(EventType.PHOTO_AUDIT_REQUESTED, data);

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("source"), violations.toString());
    }

    @Test
    void anExtraPropertyFails() {
        ObjectNode data = sample(EventType.ID_CARD_APPROVED);
        data.put("note", "not in the contract");

        List<String> violations = EventSchemas.violations(EventType.ID_CARD_APPROVED, data);

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("note"), violations.toString());
    }

    @Test
    void anExtraPropertyInANestedObjectFails() {
        ObjectNode data = sample(EventType.PHOTO_AUDITED);
        ((ObjectNode) data.get("portrait")).put("exif", "camera");

        assertFalse(EventSchemas.violations(EventType.PHOTO_AUDITED, data).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "11010119900307213", "11010119900307213XX", "11010119900307213x",
            "1101011990030721A3", " 11010119900307213X", "" })
    void aMalformedResidentIdFailsWithoutEchoingIt(String residentId) {
        ObjectNode data = sample(EventType.APPLICATION_CREATED);
        data.put("applicantId", residentId);

        List<String> violations = EventSchemas.violations(EventType.APPLICATION_CREATED, data);

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("applicantId"), violations.toString());
        if (!residentId.isBlank()) {
            // violations travel in dead letters' reason headers: they must not carry personal data
            assertFalse(violations.get(0).contains(residentId.strip()), violations.toString());
        }
    }

    @Test
    void aMalformedApplicationIdFails() {
        ObjectNode data = sample(EventType.ID_REGISTRY_PHOTO_RETRIEVED);
        data.put("applicationId", "3F2C8A5E-7B1D-4C9E-A2F0-6D8B1E4C7A90");

        assertFalse(EventSchemas.violations(EventType.ID_REGISTRY_PHOTO_RETRIEVED, data).isEmpty());
    }

    /** JSON Schema patterns are ECMA-262's: {@code $} is the end of the text, not the end before a last newline. */
    @ParameterizedTest
    @ValueSource(strings = { "\n", "\r\n", "\u2028" })
    void anIdWithATrailingLineBreakFails(String lineBreak) {
        ObjectNode data = sample(EventType.ID_REGISTRY_PHOTO_RETRIEVED);
        data.put("applicationId", SampleEvents.APPLICATION_ID + lineBreak);

        assertFalse(EventSchemas.violations(EventType.ID_REGISTRY_PHOTO_RETRIEVED, data).isEmpty());
    }

    /** {@code format} is asserted, not only an annotation: a consumer parses these values and must not fail to. */
    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "2026-12-07", "2026-12-07T25:00:00Z", "2026-12-07T10:00:00" })
    void aMalformedTimestampFails(String createdAt) {
        ObjectNode data = sample(EventType.APPLICATION_CREATED);
        data.put("createdAt", createdAt);

        assertFalse(EventSchemas.violations(EventType.APPLICATION_CREATED, data).isEmpty(), createdAt);
    }

    @Test
    void aTimestampWithNanosecondsOrAnOffsetValidates() {
        for (String createdAt : List.of("2026-12-07T10:00:00.123456789Z", "2026-12-07T18:00:00+08:00")) {
            ObjectNode data = sample(EventType.APPLICATION_CREATED);
            data.put("createdAt", createdAt);
            assertEquals(List.of(), EventSchemas.violations(EventType.APPLICATION_CREATED, data), createdAt);
        }
    }

    /**
     * {@code contentEncoding} stays an annotation: photo-audit-service answers an image that is no base64 with a FAIL
     * the applicant reads (PhotoAuditFlowTest), which a schema refusal would turn into a dead letter.
     */
    @Test
    void anImageThatIsNotBase64IsTheConsumersToJudge() {
        ObjectNode data = sample(EventType.PHOTO_AUDIT_REQUESTED);
        data.put("imageBase64", "*not base64*");

        assertEquals(List.of(), EventSchemas.violations(EventType.PHOTO_AUDIT_REQUESTED, data));
    }

    @Test
    void aWrongTypeFails() {
        ObjectNode data = sample(EventType.PHOTO_AUDITED);
        data.put("durationMillis", "fast");

        assertFalse(EventSchemas.violations(EventType.PHOTO_AUDITED, data).isEmpty());
    }

    @Test
    void aPassingAuditMustCarryThePortrait() {
        ObjectNode data = sample(EventType.PHOTO_AUDITED);
        data.remove("portrait");

        assertFalse(EventSchemas.violations(EventType.PHOTO_AUDITED, data).isEmpty());

        data.put("verdict", "FAIL");
        assertEquals(List.of(), EventSchemas.violations(EventType.PHOTO_AUDITED, data));
    }

    @Test
    void aRejectingDecisionMustGiveAReason() {
        IdCardReviewDecision reject = new IdCardReviewDecision(SampleEvents.DECISION_ID, SampleEvents.CASE_ID,
                "reviewer-017", IdCardReviewDecision.REJECT, null, null, null);
        IdCardReviewDecision approve = new IdCardReviewDecision(SampleEvents.DECISION_ID, SampleEvents.CASE_ID,
                "reviewer-017", IdCardReviewDecision.APPROVE, null, null, null);

        assertFalse(EventSchemas.violations(EventType.ID_CARD_REVIEW_DECISION, JSON.valueToTree(reject)).isEmpty());
        assertEquals(List.of(), EventSchemas.violations(EventType.ID_CARD_REVIEW_DECISION, JSON.valueToTree(approve)));
    }

    @Test
    void requireValidThrowsWithTheTypeAndEveryViolation() {
        ObjectNode data = sample(EventType.APPLICATION_CREATED);
        data.remove("fullName");
        data.put("createdAt", 17);

        EventSchemas.SchemaViolationException e = assertThrows(EventSchemas.SchemaViolationException.class,
                () -> EventSchemas.requireValid(EventType.APPLICATION_CREATED, data));

        assertTrue(e.getMessage().startsWith("org.elicence.application.created.v1 violates its schema: "),
                e.getMessage());
        assertEquals(2, e.violations().size(), e.violations().toString());
    }

    @Test
    void aRecordWithANullRequiredFieldIsRefused() {
        JsonNode data = JSON.valueToTree(
                new ApplicationCreated(SampleEvents.APPLICATION_ID, SampleEvents.APPLICANT_ID, null, SampleEvents.NOW));

        assertFalse(EventSchemas.violations(EventType.APPLICATION_CREATED, data).isEmpty());
    }

    private static ObjectNode sample(EventType type) {
        return (ObjectNode) JSON.valueToTree(SampleEvents.of(type));
    }

    /**
     * docs/privacy.md: an event logged by accident (a log line, an exception's message) shows no ID number, no name
     * and no image: every record that carries one overrides {@code toString()}.
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventsTextShowsNoIdNumberNameOrImage(EventType type) {
        String text = SampleEvents.of(type).toString();
        assertFalse(text.contains(SampleEvents.APPLICANT_ID), text);
        assertFalse(text.contains("张伟") || text.contains("ZHANG Wei"), text);
        assertFalse(text.contains(SampleEvents.JPEG_BASE64), text);
    }
}
