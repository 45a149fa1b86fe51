package dev.dxcp.events.governance;

import java.time.Instant;

/**
 * A deployment into a delivery group (and, when named, one of its environments, with one recipe) that ends
 * FAILED for an engine or application reason is rolled back by DXCP itself to the last good version
 * (docs/GOVERNANCE.md "Automatic rollback"). {@code environment} or {@code recipeId} null: any.
 */
public record AutoRollbackPolicy(String id, String deliveryGroupId, String environment, String recipeId,
                                 Instant createdAt, String createdBy) {

    public boolean covers(String groupId, String environmentId, String recipe) {
        return deliveryGroupId.equals(groupId) && (environment == null || environment.equals(environmentId))
                && (recipeId == null || recipeId.equals(recipe));
    }

    /** Same scope: the same group, environment and recipe (nulls included). */
    public boolean sameScopeAs(AutoRollbackPolicy other) {
        return deliveryGroupId.equals(other.deliveryGroupId)
                && java.util.Objects.equals(environment, other.environment)
                && java.util.Objects.equals(recipeId, other.recipeId);
    }
}
