package dev.dxcp.query.audit;

import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.query.common.BatchedStatements;
import dev.dxcp.query.operations.Generation;
import dev.dxcp.query.operations.GenerationTarget;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static dev.dxcp.query.common.SqlTime.toSql;

/**
 * The audit read model (governance §14), fed by every event in the store. Entries are keyed by their id
 * (the event identifier), so replaying an event changes nothing. Rows go to the generation the target
 * names (the active one live, the new one during a rebuild), batched per batch of events.
 *
 * <p>This class writes entries only. The tamper-evidence chain is linked by {@link AuditChainLinker}, a
 * second handler of the live {@code audit} processor: a rebuild runs this class alone, so it can neither
 * write nor rewrite a link from rows that may have been edited since they were first linked.
 */
@ProcessingGroup(AuditProjection.NAME)
public class AuditProjection {
    public static final String NAME = "audit";
    /** The tables of this read model, by their reader-facing names (audit_chain is not one: it is evidence). */
    public static final List<String> TABLES = List.of("audit_event");

    private final JdbcTemplate jdbc;
    private final AuditEntries entries;
    private final GenerationTarget target;
    private final BatchedStatements inserts;

    public AuditProjection(JdbcTemplate jdbc, AuditEntries entries, GenerationTarget target) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.target = target;
        this.inserts = new BatchedStatements(jdbc, NAME);
    }

    @EventHandler
    void on(Object payload, TrackedEventMessage<?> message) {
        List<AuditEvent> audited = entries.of(payload, message.getIdentifier(), message.getTimestamp(),
                AuditActor.of(message.getMetaData()));
        if (audited.isEmpty()) {
            return;
        }
        Generation generation = target.forEvent(message);
        if (generation == null) {
            return;
        }
        String insert = "INSERT INTO " + generation.table("audit_event") + """
                 (event_id, source_event_id, source_position, event_type, actor_id, actor_role, target_type,
                    target_id, occurred_at, outcome, summary, delivery_group_id, service_name, environment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""";
        for (AuditEvent e : audited) {
            inserts.add(message, insert, e.eventId(), message.getIdentifier(), GenerationTarget.position(message),
                    e.eventType(), e.actorId(), e.actorRole(), e.targetType(), e.targetId(), toSql(e.timestamp()),
                    e.outcome(), e.summary(), e.deliveryGroupId(), e.serviceName(), e.environment());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM " + target.startingOver().table("audit_event"));
    }
}
