package dev.dxcp.events.configuration;

import java.time.Instant;

/**
 * A deployment target (api-contract §10). {@code type} is "non_prod" or "prod"; {@code lifecycleState}
 * is "active", "disabled" or "retired". {@code guardrails} optionally overrides the group's limits.
 */
public record Environment(String id, String displayName, String type, String lifecycleState, Guardrails guardrails,
                          Instant createdAt, Instant updatedAt) {
    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";
    public static final String RETIRED = "retired";

    public boolean retired() {
        return RETIRED.equals(lifecycleState);
    }

    public boolean active() {
        return ACTIVE.equals(lifecycleState);
    }
}
