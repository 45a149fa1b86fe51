package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentQueries.DeliveryScopeAsOf;
import dev.dxcp.events.deployment.DeploymentQueries.DeliveryScopeSnapshot;
import dev.dxcp.events.deployment.DeploymentQueries.FindDeploymentAsOf;
import dev.dxcp.events.deployment.DeploymentRecord;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Time travel (docs/TIME_TRAVEL.md): answers the read model's questions as DXCP knew them at a past
 * moment, by folding the event streams of just the records the answer depends on
 * ({@link SufficientRecords}) up to that moment. Same fold rules, order and outcome derivation as the
 * live read model, so "as of now" and "now" agree.
 */
public class DeploymentHistoryAsOf {
    private final StoredDeploymentEvents events;
    private final ScopeIndex index;

    public DeploymentHistoryAsOf(StoredDeploymentEvents events, ScopeIndex index) {
        this.events = events;
        this.index = index;
    }

    @QueryHandler
    public Optional<DeploymentRecord> handle(FindDeploymentAsOf query) {
        Optional<FoldedDeployment> target = events.asOf(query.deploymentId(), query.asOf());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        var accepted = target.get().accepted();
        List<FoldedDeployment> records = new ArrayList<>(SufficientRecords.select(
                index.createdBy(accepted.service(), accepted.environment(), query.asOf()), query.deploymentId(),
                id -> events.asOf(id, query.asOf())));
        // The index is a projection and may trail the store by a moment; the target itself never goes missing.
        if (records.stream().noneMatch(r -> r.id().equals(query.deploymentId()))) {
            records.add(target.get());
        }
        return new ScopeHistory(records).find(query.deploymentId());
    }

    @QueryHandler
    public DeliveryScopeSnapshot handle(DeliveryScopeAsOf query) {
        List<ScopeEntry> scope = index.createdBy(query.service(), query.environment(), query.asOf());
        if (scope.isEmpty()) {
            return new DeliveryScopeSnapshot(null, null);
        }
        Instant asOf = query.asOf();
        ScopeHistory history = new ScopeHistory(SufficientRecords.select(scope, scope.get(0).id(),
                id -> events.asOf(id, asOf)));
        return new DeliveryScopeSnapshot(history.latest(query.service(), query.environment()).orElse(null),
                history.running(query.service(), query.environment()).orElse(null));
    }
}
