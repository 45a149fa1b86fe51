package dev.dxcp.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static dev.dxcp.query.common.SqlTime.toSql;

/**
 * Appends links to the tamper-evidence chain (docs/AUDIT.md). Links follow the order the audit
 * projection processes events, which is the global index except that a late-committed event (a gap
 * filled later) is linked when it arrives. An event already linked is never linked again, so replays
 * and resets leave the chain as it was.
 */
public class AuditChain {
    private final JdbcTemplate jdbc;

    public AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Links the stored row of this event after the current head. Runs in the projection's transaction on
     * its single processing thread, so reading the head and inserting after it cannot interleave; a
     * second node racing anyway would collide on the link's primary key and retry.
     */
    public void append(String eventId, Instant now) {
        Integer linked = jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain WHERE event_id = ?", Integer.class,
                eventId);
        if (linked != null && linked > 0) {
            return;
        }
        List<StoredEvent> rows = jdbc.query("SELECT " + StoredEvent.columns(null)
                + " FROM domainevententry WHERE eventidentifier = ?", StoredEvent.ROW, eventId);
        if (rows.isEmpty()) {
            throw new IllegalStateException("event " + eventId + " is being processed but not in the event table");
        }
        StoredEvent row = rows.get(0);
        List<Head> head = jdbc.query("SELECT link, entry_hash FROM audit_chain ORDER BY link DESC LIMIT 1",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
        long link = head.isEmpty() ? 1 : head.get(0).link() + 1;
        String previous = head.isEmpty() ? AuditChainHash.GENESIS : head.get(0).entryHash();
        jdbc.update("INSERT INTO audit_chain (link, position, event_id, previous_hash, entry_hash, chained_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", link, row.position(), row.eventId(), previous,
                AuditChainHash.of(previous, row), toSql(now));
    }

    private record Head(long link, String entryHash) {
    }
}
