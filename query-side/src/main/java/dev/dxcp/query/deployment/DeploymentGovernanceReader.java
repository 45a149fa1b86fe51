package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApproved;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.deployment.AutomaticRollbackMessages;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackRefused;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackStarted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.ApprovalStatus;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.AutomaticRollbackStatus;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernance;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernanceOf;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A deployment's approval and automatic rollback, folded from its own event stream (a handful of events), and
 * for an automatic rollback from the stream of the failed deployment that caused it. Read from the store so the
 * answer needs no read model of its own: it is as current as the last committed event.
 */
public class DeploymentGovernanceReader {
    private final EventStore eventStore;

    public DeploymentGovernanceReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public DeploymentGovernance handle(DeploymentGovernanceOf query) {
        return of(query.deploymentId());
    }

    public DeploymentGovernance of(String deploymentId) {
        Fold fold = fold(deploymentId);
        if (fold.accepted == null) {
            return DeploymentGovernance.NONE;
        }
        AutomaticRollbackStatus rollback = fold.rollback;
        if (rollback == null && fold.accepted.rollbackOf() != null
                && AutomaticRollbackMessages.SYSTEM.equals(fold.accepted.actor())) {
            AutomaticRollbackStatus cause = fold(fold.accepted.rollbackOf()).rollback;
            if (cause != null && deploymentId.equals(cause.rollbackDeploymentId())) {
                rollback = new AutomaticRollbackStatus("AUTOMATIC", cause.failedDeploymentId(), deploymentId,
                        cause.policyId(), cause.failureCategories(), null, null, cause.at());
            }
        }
        return new DeploymentGovernance(fold.approval(), rollback);
    }

    /** Only the events the fold takes are deserialized: a deployment's stream is mostly the engine's progress. */
    private Fold fold(String deploymentId) {
        Fold fold = new Fold();
        DomainEventStream stream = eventStore.readEvents(deploymentId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (Fold.FOLDED.contains(event.getPayloadType())) {
                fold.apply(event.getPayload());
            }
        }
        return fold;
    }

    private static final class Fold {
        /** The types {@link #apply} takes; any other event of the stream is left serialized. */
        static final Set<Class<?>> FOLDED = Set.of(DeploymentAccepted.class, ApprovalRequested.class,
                DeploymentApprovalGranted.class, DeploymentApproved.class, DeploymentRejected.class,
                DeploymentApprovalExpired.class, AutomaticRollbackStarted.class, AutomaticRollbackRefused.class);

        private DeploymentAccepted accepted;
        private ApprovalRequested requested;
        private final List<String> approvedBy = new ArrayList<>();
        private String approvalState;
        private java.time.Instant decidedAt;
        private String reason;
        private AutomaticRollbackStatus rollback;

        void apply(Object event) {
            if (event instanceof DeploymentAccepted e) {
                accepted = e;
            } else if (event instanceof ApprovalRequested e) {
                requested = e;
                approvalState = "PENDING";
            } else if (event instanceof DeploymentApprovalGranted e) {
                approvedBy.add(e.approverEmail() == null ? e.approverId() : e.approverEmail());
            } else if (event instanceof DeploymentApproved e) {
                decided("APPROVED", e.at(), null);
            } else if (event instanceof DeploymentRejected e) {
                decided("REJECTED", e.at(), e.reason());
            } else if (event instanceof DeploymentApprovalExpired e) {
                decided("EXPIRED", e.at(), null);
            } else if (event instanceof AutomaticRollbackStarted e) {
                rollback = new AutomaticRollbackStatus("STARTED", e.failedDeploymentId(), e.rollbackDeploymentId(),
                        e.policyId(), e.failureCategories(), null, null, e.at());
            } else if (event instanceof AutomaticRollbackRefused e) {
                rollback = new AutomaticRollbackStatus("REFUSED", e.failedDeploymentId(), null, e.policyId(),
                        List.of(), e.code(), e.message(), e.at());
            }
        }

        private void decided(String state, java.time.Instant at, String why) {
            approvalState = state;
            decidedAt = at;
            reason = why;
        }

        ApprovalStatus approval() {
            if (requested == null) {
                return null;
            }
            var requirement = requested.requirement();
            return new ApprovalStatus(requirement.policyId(), requirement.requiredApprovals(), requirement.approvers(),
                    requirement.expiresAt(), approvalState, approvedBy, decidedAt, reason);
        }
    }
}
