package dev.dxcp.query.deployment;

import java.time.Instant;

/**
 * A record's place in its (service, environment) scope: the facts of its acceptance that never change
 * afterwards (id, creation time, the record it rolls back), so reading them from today's read model
 * tells nothing about later states.
 */
public record ScopeEntry(String id, Instant createdAt, String rollbackOf) {
}
