package dev.dxcp.events.audit;

import java.time.Instant;

/**
 * One audit entry as governance §14 defines it (seed 002 AuditEvent). Derived from the event store,
 * which is the system of record; {@code deliveryGroupId}, {@code serviceName} and {@code environment}
 * are null when they do not apply.
 *
 * @param eventId   the Axon identifier of the event it comes from; an event that yields several entries
 *                  (a rate-limit change: one per setting key) suffixes it with ":" and the key, so that
 *                  every entry keeps a unique id
 * @param timestamp when the fact happened, at the wire's microsecond precision
 * @param summary   short human-readable text; for ADMIN_CONFIG_CHANGE a JSON string with sorted keys
 */
public record AuditEvent(String eventId, String eventType, String actorId, String actorRole, String targetType,
                         String targetId, Instant timestamp, String outcome, String summary, String deliveryGroupId,
                         String serviceName, String environment) {
}
