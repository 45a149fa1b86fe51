package dev.dxcp.query.audit;

import dev.dxcp.events.audit.AuditEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

import static dev.dxcp.query.common.SqlTime.toSql;

/**
 * The audit read model (governance §14) and the tamper-evidence chain, fed by every event in the store.
 * Entries are keyed by their id (the event identifier), so replaying an event changes nothing. A reset
 * clears the entries, which are derived, but keeps the chain: it is evidence of what the rows were when
 * first seen, and rebuilding it from the current rows would bless any edit made since.
 */
@ProcessingGroup(AuditProjection.NAME)
public class AuditProjection {
    public static final String NAME = "audit";

    private final JdbcTemplate jdbc;
    private final AuditEntries entries;
    private final AuditChain chain;
    private final Clock clock;

    public AuditProjection(JdbcTemplate jdbc, AuditEntries entries, AuditChain chain, Clock clock) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.chain = chain;
        this.clock = clock;
    }

    /** Every event: the chain covers the whole store, including events that yield no audit entry. */
    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        chain.append(message.getIdentifier(), clock.instant());
        for (AuditEvent e : entries.of(payload, message.getIdentifier(), message.getTimestamp(),
                AuditActor.of(message.getMetaData()))) {
            jdbc.update("""
                            INSERT INTO audit_event (event_id, source_event_id, source_position, event_type, actor_id,
                                actor_role, target_type, target_id, occurred_at, outcome, summary, delivery_group_id,
                                service_name, environment)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT DO NOTHING""",
                    e.eventId(), message.getIdentifier(), position(message), e.eventType(), e.actorId(),
                    e.actorRole(), e.targetType(), e.targetId(), toSql(e.timestamp()), e.outcome(), e.summary(),
                    e.deliveryGroupId(), e.serviceName(), e.environment());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_event");
    }

    private static long position(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1);
        }
        return -1;
    }
}
