package org.elicence.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.infra.KafkaTestClient;

/**
 * What the platform itself recorded after a run, read from its databases and topics rather than
 * from what the clients saw: the evidence that nothing was lost and nothing happened twice.
 */
record PlatformLedger(long applicationsStored, long distinctIdempotencyKeys, Map<String, Long> eLicencesPerLicenceNumber,
        Map<String, Long> licenceDecisions, long licenceIssuedEvents, long applicationsWithTwoLicenceIssuedEvents,
        Map<String, Long> deadLetters, Map<String, Long> unpublishedOutboxRows) {

    static final List<String> SERVICES = List.of("application-service", "photo-audit-service", "idcard-service",
            "license-issuer-service");

    static PlatformLedger read(LocalPlatform platform, String runId) throws Exception {
        long stored;
        long keys;
        try (Connection db = platform.database("application"); Statement sql = db.createStatement()) {
            ResultSet rows = sql.executeQuery("SELECT count(*), count(DISTINCT idempotency_key) FROM application "
                    + "WHERE idempotency_key LIKE '" + runId + "-%'");
            rows.next();
            stored = rows.getLong(1);
            keys = rows.getLong(2);
        }
        Map<String, Long> perLicence = new LinkedHashMap<>();
        Map<String, Long> decisions = new LinkedHashMap<>();
        try (Connection db = platform.database("license_issuer"); Statement sql = db.createStatement()) {
            ResultSet rows = sql.executeQuery(
                    "SELECT licence_number, count(*) FROM e_licence GROUP BY licence_number ORDER BY licence_number");
            while (rows.next()) {
                perLicence.put(rows.getString(1), rows.getLong(2));
            }
            rows = sql.executeQuery("SELECT outcome, count(*) FROM licence_decision GROUP BY outcome ORDER BY outcome");
            while (rows.next()) {
                decisions.put(rows.getString(1), rows.getLong(2));
            }
        }
        List<ConsumerRecord<String, String>> licenceEvents = KafkaTestClient.readAll(platform.kafkaBootstrap(), "licence-events");
        Map<String, Long> issuedPerApplication = licenceEvents.stream()
                .filter(r -> "org.elicence.licence.issued.v1".equals(KafkaTestClient.header(r, "ce_type")))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        Map<String, Long> dead = new LinkedHashMap<>();
        for (String service : SERVICES) {
            dead.put(service + ".dlq", (long) KafkaTestClient.readAll(platform.kafkaBootstrap(), service + ".dlq").size());
        }
        Map<String, Long> backlog = new LinkedHashMap<>();
        for (String database : LocalPlatform.DATABASES) {
            try (Connection db = platform.database(database); Statement sql = db.createStatement()) {
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM outbox_message WHERE published_at IS NULL");
                rows.next();
                backlog.put(database, rows.getLong(1));
            }
        }
        return new PlatformLedger(stored, keys, perLicence, decisions,
                issuedPerApplication.values().stream().mapToLong(Long::longValue).sum(),
                issuedPerApplication.values().stream().filter(n -> n > 1).count(), dead, backlog);
    }

    /**
     * For each application, its status history as application-service stored it, as seconds after its creation
     * (e.g. {@code SUBMITTED 0 s, ID_CARD_REQUIRED 37 s}): where a journey that missed its end state stopped.
     */
    static Map<String, String> storedHistories(LocalPlatform platform, List<String> applicationIds) throws Exception {
        Map<String, String> histories = new LinkedHashMap<>();
        try (Connection db = platform.database("application");
                java.sql.PreparedStatement sql = db.prepareStatement("SELECT string_agg(entry->>'status' || ' ' "
                        + "|| round((entry->>'at')::numeric - extract(epoch FROM created_at)) || ' s', ', ' "
                        + "ORDER BY ordinality) FROM application, jsonb_array_elements(status_history) "
                        + "WITH ORDINALITY AS step(entry, ordinality) WHERE id = ?::uuid GROUP BY id")) {
            for (String id : applicationIds) {
                sql.setString(1, id);
                try (ResultSet rows = sql.executeQuery()) {
                    histories.put(id, rows.next() ? rows.getString(1) : "not stored");
                }
            }
        }
        return histories;
    }

    boolean noLicenceNumberSignedTwice() {
        return eLicencesPerLicenceNumber.values().stream().allMatch(n -> n == 1);
    }

    long totalDeadLetters() {
        return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }

    long totalUnpublished() {
        return unpublishedOutboxRows.values().stream().mapToLong(Long::longValue).sum();
    }

    String markdown() {
        return "| ledger | value |\n|---|---|\n"
                + "| applications stored for this run (rows / distinct idempotency keys) | " + applicationsStored + " / "
                + distinctIdempotencyKeys + " |\n"
                + "| e-licences per licence number | " + eLicencesPerLicenceNumber + " |\n"
                + "| licence decisions by outcome | " + licenceDecisions + " |\n"
                + "| LicenceIssued events / applications with more than one | " + licenceIssuedEvents + " / "
                + applicationsWithTwoLicenceIssuedEvents + " |\n"
                + "| dead letters per topic | " + deadLetters + " |\n"
                + "| outbox rows not yet published, per database | " + unpublishedOutboxRows + " |\n";
    }
}
