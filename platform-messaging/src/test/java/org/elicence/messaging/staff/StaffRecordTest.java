package org.elicence.messaging.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What of an operator's record is kept and echoed: bounded, whatever was typed. */
class StaffRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordOfUsualSizeIsKeptAsTyped() {
        String value = "{\"decisionId\":\"d-1\",\"decision\":\"APPROVE\",\"reason\":\"照片合格\"}";
        assertEquals(value, read(value).keptValue());
    }

    /** A compressed record of a few KB can carry MBs of whitespace, valid JSON that JSON-escaping doubles. */
    @Test
    void aHugeRecordIsKeptCutToTheLimitWhichStillFitsItsRejectedTopicWhenEscaped() throws Exception {
        String value = "{" + "\n".repeat(3_000_000) + "}";
        String kept = read(value).keptValue();
        assertEquals(StaffRecord.MAX_KEPT_VALUE_LENGTH, kept.length());
        assertEquals(value.substring(0, StaffRecord.MAX_KEPT_VALUE_LENGTH), kept);
        int escaped = JSON.writeValueAsBytes(kept).length;
        assertEquals(true, escaped < 1_048_576 / 8, "escaped: " + escaped + " bytes");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String value = "{\"reason\":\"" + "x".repeat(StaffRecord.MAX_KEPT_VALUE_LENGTH - 12) + "😀😀\"}";
        String kept = read(value).keptValue();
        assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 1)), "ends inside a pair");
        assertEquals(StaffRecord.MAX_KEPT_VALUE_LENGTH - 1, kept.length());
    }

    @Test
    void aRefusalsReasonIsCutToItsEventsLimit() {
        Refusal thousandViolations = new Refusal("MALFORMED_DECISION", "v".repeat(50_000));
        assertEquals(Refusal.MAX_REASON_LENGTH, thousandViolations.reason().length());
        assertEquals("no review case 42", new Refusal("UNKNOWN_CASE", "no review case 42").reason());
    }

    private static StaffRecord read(String value) {
        return StaffRecord.read(new ConsumerRecord<>("idcard-review-decisions", 0, 7L, null, value), JSON, "decision");
    }
}
