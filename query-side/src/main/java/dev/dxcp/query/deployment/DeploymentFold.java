package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Folds deployment events into records, in memory, the way the history projection writes rows: the
 * first acceptance of an id creates its record (a repeated one changes nothing, like the projection's
 * insert-if-absent), and a fact about an id that was never accepted is ignored (the projection's update
 * finds no row). Events of different deployments may come in any interleaving; each deployment's own
 * events must come in their stream order.
 */
public final class DeploymentFold {
    private final Map<String, FoldedDeployment> records = new LinkedHashMap<>();

    public static ScopeHistory of(Iterable<?> payloads) {
        DeploymentFold fold = new DeploymentFold();
        payloads.forEach(fold::apply);
        return fold.history();
    }

    public void apply(Object payload) {
        if (payload instanceof DeploymentAccepted accepted) {
            records.putIfAbsent(accepted.deploymentId(), FoldedDeployment.accepted(accepted));
            return;
        }
        String id = EventTime.deploymentOf(payload);
        if (id != null) {
            records.computeIfPresent(id, (key, record) -> record.apply(payload));
        }
    }

    public Optional<FoldedDeployment> folded(String deploymentId) {
        return Optional.ofNullable(records.get(deploymentId));
    }

    public ScopeHistory history() {
        return new ScopeHistory(records.values());
    }
}
