package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.events.settings.SettingsMessages.MutationsDisabledChanged;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An embedded database with the query side's migrations and the columns of Axon's event table (whose
 * migration belongs to the server), for the audit's handlers to run on. Events get ids derived from their
 * global index, so the same index always denotes the same event, stored or not.
 */
final class AuditTestStore {
    static final ObjectMapper JSON = new ObjectMapper();
    static final AuditEntries ENTRIES = new AuditEntries(JSON, publishers -> JSON.valueToTree(List.of()));
    private static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");

    final JdbcTemplate jdbc;

    AuditTestStore() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(migration("V101__build_registry_read_model.sql"),
                migration("V102__deployment_read_models.sql"), migration("V103__projection_generations.sql"),
                migration("V110__audit.sql"), migration("V111__audit_generations.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("""
                CREATE TABLE domainevententry (globalindex BIGINT PRIMARY KEY, aggregateidentifier VARCHAR(255),
                    sequencenumber BIGINT, type VARCHAR(255), eventidentifier VARCHAR(255) UNIQUE, metadata BYTEA,
                    payload BYTEA, payloadrevision VARCHAR(255), payloadtype VARCHAR(255), timestamp VARCHAR(255))""");
    }

    /** An audited event (a kill-switch change) at this global index, not in the event table. */
    static TrackedEventMessage<?> killSwitchChanged(long globalIndex) {
        return at(new GlobalSequenceTrackingToken(globalIndex), new GenericEventMessage<>("event-" + globalIndex,
                new MutationsDisabledChanged(false, true, "incident " + globalIndex, EPOCH.plusSeconds(globalIndex)),
                MetaData.with(MetaKeys.ACTOR_ID, "admin-1").and(MetaKeys.ACTOR_ROLE, "PLATFORM_ADMIN"),
                EPOCH.plusSeconds(globalIndex)));
    }

    /** An event the audit has no entry for (engine progress, say): the chain links it all the same. */
    static TrackedEventMessage<?> unaudited(long globalIndex) {
        return at(new GlobalSequenceTrackingToken(globalIndex), new GenericEventMessage<>("event-" + globalIndex,
                "engine progress " + globalIndex, MetaData.emptyInstance(), EPOCH.plusSeconds(globalIndex)));
    }

    /** The same event as a processor holding this token delivers it (a replay, a gap-aware position). */
    static TrackedEventMessage<?> at(TrackingToken token, EventMessage<?> event) {
        return new GenericTrackedEventMessage<>(token, event);
    }

    /**
     * Writes the event's row at its global index. The chain hashes the stored bytes whatever they encode, so
     * the payload's and metadata's text stand in for the serializer's JSON.
     */
    <T extends TrackedEventMessage<?>> T stored(T event) {
        jdbc.update("INSERT INTO domainevententry VALUES (?, ?, 0, NULL, ?, ?, ?, NULL, ?, ?)",
                event.trackingToken().position().orElseThrow(), event.getIdentifier(), event.getIdentifier(),
                bytes(event.getMetaData()), bytes(event.getPayload()), event.getPayloadType().getName(),
                event.getTimestamp().toString());
        return event;
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    List<Long> chainedPositions() {
        return jdbc.queryForList("SELECT position FROM audit_chain ORDER BY link", Long.class);
    }

    private static byte[] bytes(Object value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    private static ClassPathResource migration(String name) {
        return new ClassPathResource("db/migration/" + name);
    }
}
