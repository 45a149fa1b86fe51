package dev.dxcp.events.audit;

import java.time.Instant;
import java.util.List;

/** Questions the audit read model answers (api-contract §12). */
public final class AuditQueries {
    private AuditQueries() {
    }

    /** Newest first; null filters match everything; both time bounds are inclusive. */
    public record ListAuditEvents(String eventType, String deliveryGroupId, Instant startTime, Instant endTime,
                                  int limit) {
    }

    public record AuditEvents(List<AuditEvent> events) {
    }
}
