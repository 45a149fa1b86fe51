package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.query.audit.AuditProjection;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/AUDIT.md: the chain verifies over the current event rows, and a row edited or deleted by hand in
 * PostgreSQL is named exactly. Every edit is undone before the test ends.
 */
class AuditChainEndToEndTest extends AuditTestSupport {
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void theChainVerifiesThenNamesTheEditedRowThenTheDeletedRow() {
        StoredRow denial = aDenialRow();
        JsonNode clean = verify("");
        assertThat(clean.path("verified").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("checked").asLong()).isGreaterThanOrEqualTo(linksUpTo(denial.position()));
        assertThat(clean.path("head").path("entry_hash").asText()).hasSize(64);
        String chained = chainedHash(denial.eventId());

        jdbc.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'VERSION_NOT_FOUND', 'QUOTA_EXCEEDED'), 'UTF8') WHERE eventidentifier = ?", denial.eventId());
        try {
            JsonNode edited = verify("");
            assertThat(edited.path("verified").asBoolean()).isFalse();
            JsonNode mismatch = edited.path("mismatch");
            assertThat(mismatch.path("position").asLong()).isEqualTo(denial.position());
            assertThat(mismatch.path("event_id").asText()).isEqualTo(denial.eventId());
            assertThat(mismatch.path("reason").asText()).isEqualTo("HASH_MISMATCH");
            assertThat(mismatch.path("expected_hash").asText()).isEqualTo(chained);
            assertThat(mismatch.path("actual_hash").asText()).hasSize(64).isNotEqualTo(chained);
            assertThat(edited.path("checked").asLong()).isEqualTo(linksBefore(denial.eventId()));
            // A range that leaves the edited row out still verifies.
            assertThat(verify("from=" + (denial.position() + 1)).path("verified").asBoolean()).isTrue();
            assertThat(verify("to=" + (denial.position() - 1)).path("verified").asBoolean()).isTrue();
        } finally {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?", denial.payload(),
                    denial.eventId());
        }
        assertThat(verify("").path("verified").asBoolean()).isTrue();

        jdbc.update("DELETE FROM domainevententry WHERE eventidentifier = ?", denial.eventId());
        try {
            JsonNode deleted = verify("");
            assertThat(deleted.path("verified").asBoolean()).isFalse();
            assertThat(deleted.path("mismatch").path("event_id").asText()).isEqualTo(denial.eventId());
            assertThat(deleted.path("mismatch").path("position").asLong()).isEqualTo(denial.position());
            assertThat(deleted.path("mismatch").path("reason").asText()).isEqualTo("ROW_MISSING");
        } finally {
            denial.restore(jdbc);
        }
        assertThat(verify("").path("verified").asBoolean()).isTrue();
    }

    @Test
    void aRangeChecksTheLinksOfItsPositionsOnly() {
        long start = headPosition();
        aDenialRow();
        aDenialRow();
        long end = headPosition();
        JsonNode range = verify("from=" + (start + 1) + "&to=" + end);
        assertThat(range.path("verified").asBoolean()).isTrue();
        Long links = jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain WHERE position > ? AND position <= ?",
                Long.class, start, end);
        assertThat(range.path("checked").asLong()).isEqualTo(links).isGreaterThanOrEqualTo(2);
        assertThat(range.path("unchained").asLong()).isZero();
        assertError(get("/v1/admin/audit/verify?from=first", freshAdmin()), 400, "INVALID_REQUEST");
    }

    @Test
    void replayingTheProjectionRebuildsTheSameEntriesAndKeepsTheChain() {
        aDenialRow();
        List<Map<String, Object>> entries = jdbc.queryForList("SELECT * FROM audit_event ORDER BY event_id");
        List<Map<String, Object>> chain = jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link");
        StreamingEventProcessor audit = processing.eventProcessor(AuditProjection.NAME, StreamingEventProcessor.class)
                .orElseThrow();
        audit.shutDown();
        audit.resetTokens();
        audit.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!caughtUp(audit) && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        assertThat(caughtUp(audit)).isTrue();
        assertThat(jdbc.queryForList("SELECT * FROM audit_event ORDER BY event_id")).isEqualTo(entries);
        assertThat(jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link")).isEqualTo(chain);
        assertThat(verify("").path("verified").asBoolean()).isTrue();
    }

    /** Replayed up to the newest stored event (a replay token stays "replaying" until a newer one arrives). */
    private boolean caughtUp(StreamingEventProcessor processor) {
        long head = headPosition();
        return processor.isRunning() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()
                && s.getCurrentPosition().orElse(-1) >= head);
    }

    /** A refused deploy: its DeploymentDenied row belongs to no aggregate, so editing it breaks nothing else. */
    private StoredRow aDenialRow() {
        String requestId = "audit-chain-" + UUID.randomUUID();
        assertError(post("/v1/deployments", freshAdmin(), intent("e2e-svc-8", uniqueVersion()), "Idempotency-Key",
                UUID.randomUUID().toString(), "X-Request-Id", requestId), 400, "VERSION_NOT_FOUND");
        List<StoredRow> rows = jdbc.query("SELECT * FROM domainevententry WHERE payloadtype LIKE '%DeploymentDenied' "
                        + "AND convert_from(metadata, 'UTF8') LIKE ?", (rs, i) -> new StoredRow(
                        rs.getLong("globalindex"), rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                        rs.getString("type"), rs.getString("eventidentifier"), rs.getBytes("metadata"),
                        rs.getBytes("payload"), rs.getString("payloadrevision"), rs.getString("payloadtype"),
                        rs.getString("timestamp")), "%" + requestId + "%");
        assertThat(rows).hasSize(1);
        assertThat(chainedHash(rows.get(0).eventId())).as("linked before the refusal answered").isNotNull();
        return rows.get(0);
    }

    private JsonNode verify(String query) {
        Response response = get("/v1/admin/audit/verify" + (query.isEmpty() ? "" : "?" + query), freshAdmin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String chainedHash(String eventId) {
        List<String> hash = jdbc.queryForList("SELECT entry_hash FROM audit_chain WHERE event_id = ?", String.class,
                eventId);
        return hash.isEmpty() ? null : hash.get(0);
    }

    private long linksUpTo(long position) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain WHERE position <= ?", Long.class, position);
        return count == null ? 0 : count;
    }

    private long linksBefore(String eventId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain WHERE link < "
                + "(SELECT link FROM audit_chain WHERE event_id = ?)", Long.class, eventId);
        return count == null ? 0 : count;
    }

    /** One event row exactly as stored, to put back after a test removed it. */
    private record StoredRow(long position, String aggregateId, long sequence, String type, String eventId,
                             byte[] metadata, byte[] payload, String revision, String payloadType, String timestamp) {
        void restore(org.springframework.jdbc.core.JdbcTemplate jdbc) {
            jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", position, aggregateId, sequence, type, eventId,
                    metadata, payload, revision, payloadType, timestamp);
        }
    }
}
