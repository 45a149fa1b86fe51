package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentQueries.RunningState;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Folded records answering the read model's questions: history order (domain §7), latest, current
 * running state (domain §6) and displayed outcomes (domain §5), using the same {@link HistoryOrder} and
 * {@link Outcomes} as the read model. An answer about a record is right when the records given include
 * every record of its scope down to the scope's latest success, and the record's own rollbacks: the
 * outcome depends on nothing else.
 */
public final class ScopeHistory {
    private static final Comparator<FoldedDeployment> NEWEST_FIRST =
            HistoryOrder.newestFirst(FoldedDeployment::createdAt, FoldedDeployment::id);

    private final List<FoldedDeployment> newestFirst;

    public ScopeHistory(Collection<FoldedDeployment> records) {
        this.newestFirst = records.stream().sorted(NEWEST_FIRST).toList();
    }

    /** Every record in history order, with its displayed outcome. */
    public List<DeploymentRecord> records() {
        return newestFirst.stream().map(this::displayed).toList();
    }

    public Optional<DeploymentRecord> find(String id) {
        return newestFirst.stream().filter(r -> r.id().equals(id)).findFirst().map(this::displayed);
    }

    /** delivery-status "latest": the newest record of the scope. */
    public Optional<DeploymentRecord> latest(String service, String environment) {
        return inScope(service, environment).findFirst().map(this::displayed);
    }

    /** The latest success of the scope, any kind (domain §6); its derivedAt is the caller's to set. */
    public Optional<RunningState> running(String service, String environment) {
        return latestSuccess(service, environment).map(r -> new RunningState(r.accepted().service(),
                r.accepted().environment(), r.accepted().version(), r.id(), r.accepted().deploymentKind()));
    }

    private DeploymentRecord displayed(FoldedDeployment r) {
        String service = r.accepted().service();
        String environment = r.accepted().environment();
        String runningId = latestSuccess(service, environment).map(FoldedDeployment::id).orElse(null);
        return r.toRecord(Outcomes.displayed(r.state(), r.id(), rolledBackBy(r.id()), runningId));
    }

    /** A SUCCEEDED rollback of the record, if any: what the projection remembers as rolled_back_by. */
    private String rolledBackBy(String id) {
        return newestFirst.stream()
                .filter(r -> id.equals(r.accepted().rollbackOf()) && r.state() == DeploymentState.SUCCEEDED)
                .map(FoldedDeployment::id).findFirst().orElse(null);
    }

    private Optional<FoldedDeployment> latestSuccess(String service, String environment) {
        return inScope(service, environment).filter(r -> r.state() == DeploymentState.SUCCEEDED).findFirst();
    }

    private java.util.stream.Stream<FoldedDeployment> inScope(String service, String environment) {
        return newestFirst.stream().filter(r -> r.accepted().service().equals(service)
                && r.accepted().environment().equals(environment));
    }
}
