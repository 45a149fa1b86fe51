package dev.dxcp.events.deployment;

import java.time.Instant;

/**
 * A normalized failure, whatever the engine said (seed 002 FailureModel, domain-and-state §9).
 * Texts are user-safe: they never name the execution engine or its stages.
 */
public record FailureModel(FailureCategory category, String summary, String detail, String actionHint,
                           Instant observedAt) {
}
