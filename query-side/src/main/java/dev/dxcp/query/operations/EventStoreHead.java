package dev.dxcp.query.operations;

import org.springframework.jdbc.core.JdbcTemplate;

/** The newest global index in the event store: what "caught up" and lag are measured against. */
public class EventStoreHead {
    private final JdbcTemplate jdbc;

    public EventStoreHead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }
}
