package dev.dxcp.query.insights;

import java.time.Instant;
import java.util.List;

/**
 * What insights need of one deployment record (and its build). {@code finishedAt} is the record's
 * updatedAt, which is the time it reached its terminal state: terminal records are never changed again.
 */
record InsightRow(String id, String service, String environment, String groupId, String recipeId,
                  String state, String rollbackOf, String rolledBackBy, Instant createdAt, Instant finishedAt,
                  Instant builtAt, List<String> failureCategories) {

    boolean isRollback() {
        return rollbackOf != null;
    }

    boolean succeeded() {
        return state.equals("SUCCEEDED");
    }

    boolean terminal() {
        return List.of("SUCCEEDED", "FAILED", "CANCELED", "ROLLED_BACK").contains(state);
    }
}
