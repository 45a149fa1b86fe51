package dev.dxcp.query.audit;

import dev.dxcp.events.audit.AuditQueries.VerifyAuditChain;
import dev.dxcp.events.audit.ChainVerification;
import dev.dxcp.events.audit.ChainVerification.Link;
import dev.dxcp.events.audit.ChainVerification.Mismatch;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Recomputes the chain over a range of positions from the CURRENT rows of the event table and reports
 * the first link that no longer matches (docs/AUDIT.md). Reads in pages, so a store of millions of
 * events is checked in bounded memory.
 */
public class AuditChainVerifier {
    static final int PAGE = 500;

    private final JdbcTemplate jdbc;

    public AuditChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Positions {@code from}..{@code to}, both inclusive. */
    @QueryHandler
    public ChainVerification handle(VerifyAuditChain query) {
        return verify(query.from(), query.to());
    }

    public ChainVerification verify(long from, long to) {
        Link head = head();
        long unchained = unchained(from, to);
        Long[] links = jdbc.queryForObject("SELECT MIN(link), MAX(link) FROM audit_chain WHERE position >= ? "
                + "AND position <= ?", (rs, i) -> new Long[]{(Long) rs.getObject(1, Long.class),
                rs.getObject(2, Long.class)}, from, to);
        if (links == null || links[0] == null) {
            return new ChainVerification(true, 0, unchained, from, to, head, null);
        }
        long checked = 0;
        long after = links[0] - 1;
        Long previousLink = null;
        String previousHash = null;
        while (true) {
            List<Checked> page = page(after, links[1], from, to);
            if (page.isEmpty()) {
                return new ChainVerification(true, checked, unchained, from, to, head, null);
            }
            for (Checked c : page) {
                String expectedPrevious = previousLink != null && previousLink == c.link() - 1 ? previousHash
                        : predecessorHash(c.link());
                Mismatch mismatch = check(c, expectedPrevious);
                if (mismatch != null) {
                    return new ChainVerification(false, checked, unchained, from, to, head, mismatch);
                }
                checked++;
                previousLink = c.link();
                previousHash = c.entryHash();
                after = c.link();
            }
        }
    }

    private static Mismatch check(Checked c, String expectedPrevious) {
        if (expectedPrevious == null || !expectedPrevious.equals(c.previousHash())) {
            return new Mismatch(c.link(), c.position(), c.eventId(), "CHAIN_BROKEN", expectedPrevious,
                    c.previousHash());
        }
        if (c.row() == null) {
            return new Mismatch(c.link(), c.position(), c.eventId(), "ROW_MISSING", c.entryHash(), null);
        }
        String actual = AuditChainHash.of(c.previousHash(), c.row());
        if (!actual.equals(c.entryHash())) {
            return new Mismatch(c.link(), c.position(), c.eventId(), "HASH_MISMATCH", c.entryHash(), actual);
        }
        return null;
    }

    /** The genesis value for link 1; null when the predecessor link itself is gone. */
    private String predecessorHash(long link) {
        if (link == 1) {
            return AuditChainHash.GENESIS;
        }
        List<String> hash = jdbc.queryForList("SELECT entry_hash FROM audit_chain WHERE link = ?", String.class,
                link - 1);
        return hash.isEmpty() ? null : hash.get(0);
    }

    private List<Checked> page(long afterLink, long lastLink, long from, long to) {
        return jdbc.query("SELECT c.link, c.position AS chained_position, c.event_id AS chained_event_id, "
                        + "c.previous_hash, c.entry_hash, " + StoredEvent.columns("d")
                        + " FROM audit_chain c LEFT JOIN domainevententry d ON d.globalindex = c.position"
                        + " WHERE c.link > ? AND c.link <= ? AND c.position >= ? AND c.position <= ?"
                        + " ORDER BY c.link LIMIT " + PAGE,
                (rs, i) -> new Checked(rs.getLong("link"), rs.getLong("chained_position"),
                        rs.getString("chained_event_id"), rs.getString("previous_hash"), rs.getString("entry_hash"),
                        rs.getObject("eventidentifier") == null ? null : StoredEvent.ROW.mapRow(rs, i)),
                afterLink, lastLink, from, to);
    }

    private long unchained(long from, long to) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry d WHERE d.globalindex >= ? "
                + "AND d.globalindex <= ? AND NOT EXISTS (SELECT 1 FROM audit_chain c "
                + "WHERE c.event_id = d.eventidentifier)", Long.class, from, to);
        return count == null ? 0 : count;
    }

    private Link head() {
        List<Link> head = jdbc.query("SELECT link, position, event_id, entry_hash FROM audit_chain "
                + "ORDER BY link DESC LIMIT 1", (rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4)));
        return head.isEmpty() ? null : head.get(0);
    }

    private record Checked(long link, long position, String eventId, String previousHash, String entryHash,
                           StoredEvent row) {
    }
}
