package dev.dxcp.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the event table in global-index order, one bounded page per query, each on its own short
 * connection: {@code WHERE globalindex > cursor ... ORDER BY globalindex LIMIT n}. Event types and
 * time narrow the SQL so that rows the stream would drop are not transferred. Axon writes timestamps
 * as ISO text with a varying number of fraction digits, which does not sort as text; its first 19
 * characters (to the second) do, so the SQL compares those and the stream checks the exact instant.
 */
public class StoredEventPages {
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;

    public StoredEventPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredEvent> after(long position, ReplayFilter filter, int pageSize) {
        StringBuilder sql = new StringBuilder("SELECT " + StoredEvent.columns(null)
                + " FROM domainevententry WHERE globalindex > ?");
        List<Object> args = new ArrayList<>(List.of(position));
        if (filter.until() != null) {
            sql.append(" AND globalindex <= ?");
            args.add(filter.until());
        }
        if (filter.eventTypes() != null && !filter.eventTypes().isEmpty()) {
            // Names are plain identifiers (checked at the edge), so they carry no LIKE wildcards.
            List<String> alternatives = new ArrayList<>();
            for (String type : filter.eventTypes()) {
                alternatives.add("payloadtype LIKE ? OR payloadtype LIKE ?");
                args.add("%." + type);
                args.add("%$" + type);
            }
            sql.append(" AND (").append(String.join(" OR ", alternatives)).append(")");
        }
        if (filter.from() != null) {
            sql.append(" AND SUBSTRING(timestamp, 1, 19) >= ?");
            args.add(SECOND.format(filter.from().truncatedTo(ChronoUnit.SECONDS)));
        }
        if (filter.to() != null) {
            sql.append(" AND SUBSTRING(timestamp, 1, 19) <= ?");
            args.add(SECOND.format(filter.to().truncatedTo(ChronoUnit.SECONDS)));
        }
        sql.append(" ORDER BY globalindex LIMIT ?");
        args.add(pageSize);
        return jdbc.query(sql.toString(), StoredEvent.ROW, args.toArray());
    }

    /** The first event of a deployment's own stream: its DeploymentAccepted, which names its scope. */
    public List<StoredEvent> deploymentAccepted(String deploymentId) {
        return jdbc.query("SELECT " + StoredEvent.columns(null) + " FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber LIMIT 1",
                StoredEvent.ROW, deploymentId, "%$DeploymentAccepted");
    }
}
