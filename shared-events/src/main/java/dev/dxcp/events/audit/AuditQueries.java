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

    /** Recompute the tamper-evidence chain over positions from..to (inclusive): a {@link ChainVerification}. */
    public record VerifyAuditChain(long from, long to) {
    }

    /**
     * Stream the event store as NDJSON chunks, oldest first (README "Replaying audit history"); a streaming
     * query answered with byte chunks. Null means "any".
     *
     * @param after      exclusive cursor: only positions greater than this
     * @param until      inclusive last position
     * @param eventTypes payload simple type names, e.g. DeploymentAccepted
     * @param limit      most event lines to send; null for all
     */
    public record ReplayAuditEvents(long after, Long until, Instant from, Instant to, String service,
                                    String deliveryGroupId, String environment, String actor,
                                    java.util.Set<String> eventTypes, Long limit) {
    }
}
