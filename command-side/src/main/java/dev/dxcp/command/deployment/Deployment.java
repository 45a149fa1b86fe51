package dev.dxcp.command.deployment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApproved;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.deployment.ApprovalMessages.LapseApproval;
import dev.dxcp.events.deployment.ApprovalMessages.RecordApproval;
import dev.dxcp.events.deployment.ApprovalMessages.RecordRejection;
import dev.dxcp.events.deployment.DeploymentCommands.AcceptDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.ObserveDeploymentState;
import dev.dxcp.events.deployment.DeploymentCommands.ReapIfStale;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineExecution;
import dev.dxcp.events.deployment.DeploymentCommands.RefuseTrigger;
import dev.dxcp.events.deployment.DeploymentEvents.EngineTriggerRefused;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackRefused;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackStarted;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.RecordAutomaticRollback;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.deployment.DeploymentState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One deployment record's life (domain §2). Created only through an accepted intent (waiting for approval
 * first when a policy asks for it, docs/GOVERNANCE.md); non-terminal
 * states follow whatever the engine reports; a terminal state never changes again (governance §10):
 * a differing terminal report is ignored. Revision 2 of its snapshots holds the grouped
 * {@code DeploymentAccepted}: a snapshot taken before is of no revision, so it is passed over and the
 * aggregate is loaded from its (upcast) events instead.
 */
@Aggregate(snapshotTriggerDefinition = "dxcpSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
@Revision("2")
public class Deployment {
    @AggregateIdentifier
    private String deploymentId;
    private DeploymentAccepted accepted;
    private DeploymentState state;
    private Instant updatedAt;
    private String executionId;
    private DeploymentApproval approval;
    /** The failure's normalized categories once FAILED (empty for a failure that named none). */
    private List<FailureCategory> failureCategories;
    /** Whether what came of its automatic rollback is recorded (docs/GOVERNANCE.md "Automatic rollback"). */
    private boolean automaticRollbackRecorded;

    public Deployment() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AcceptDeployment command) {
        if (accepted != null) {
            throw new IllegalStateException("Deployment " + command.deploymentId() + " was already accepted");
        }
        apply(command.accepted());
        if (command.approval() != null) {
            DeploymentAccepted a = command.accepted();
            apply(new ApprovalRequested(a.deploymentId(), a.service(), a.environment(), a.deliveryGroupId(),
                    command.approval(), a.createdAt()));
        }
    }

    /** docs/GOVERNANCE.md "Approvals": answers the refusal, or null. */
    @CommandHandler
    public Rejection handle(RecordApproval command) {
        if (approval == null) {
            return DeploymentApproval.notPending();
        }
        return approval.approve(state, command, accepted);
    }

    @CommandHandler
    public Rejection handle(RecordRejection command) {
        if (approval == null) {
            return DeploymentApproval.notPending();
        }
        return approval.reject(state, command, accepted);
    }

    /** The time limit passed: answers true when that ended the deployment. */
    @CommandHandler
    public Boolean handle(LapseApproval command) {
        return state == DeploymentState.PENDING_APPROVAL && approval.lapse(accepted, command.at());
    }

    @CommandHandler
    public void handle(RecordEngineExecution command) {
        if (executionId == null) {
            apply(new EngineExecutionStarted(deploymentId, command.executionId(), command.executionUrl(),
                    command.at()));
        }
    }

    /** Answers true when this observation made the deployment terminal. */
    @CommandHandler
    public Boolean handle(ObserveDeploymentState command) {
        if (state.terminal()) {
            return false;
        }
        DeploymentState next = command.state();
        switch (next) {
            case SUCCEEDED -> apply(new DeploymentSucceeded(deploymentId, command.at()));
            case FAILED -> apply(new DeploymentFailed(deploymentId, command.failures() == null ? List.of()
                    : command.failures(), command.at()));
            case CANCELED -> apply(new DeploymentCanceled(deploymentId, command.at()));
            case ROLLED_BACK -> apply(new DeploymentRolledBackByEngine(deploymentId, command.at()));
            default -> apply(new DeploymentProgressed(deploymentId, next, command.at()));
        }
        return next.terminal();
    }

    /** The refusal comes first, so readers of the stream see why before they see FAILED. */
    @CommandHandler
    public Boolean handle(RefuseTrigger command) {
        if (state.terminal()) {
            return false;
        }
        apply(new EngineTriggerRefused(deploymentId, command.code().code(), command.code().status(), command.message(),
                command.operatorHint(), command.details(), command.at()));
        apply(new DeploymentFailed(deploymentId, List.of(command.failure()), command.at()));
        return true;
    }

    /**
     * Stale-lock reaping (domain §4): still IN_PROGRESS with no observation since {@code staleBefore}
     * → FAILED with the INFRASTRUCTURE failure. ACTIVE deployments are never reaped.
     */
    @CommandHandler
    public Boolean handle(ReapIfStale command) {
        if (state == DeploymentState.PENDING_APPROVAL) {
            // Its lane place is not stale while approvers may still act; it ends when their time is up.
            return approval.lapse(accepted, command.at());
        }
        if (state != DeploymentState.IN_PROGRESS || !updatedAt.isBefore(command.staleBefore())) {
            return false;
        }
        apply(new DeploymentFailed(deploymentId, List.of(command.failure()), command.at()));
        return true;
    }

    /**
     * What came of this failed deployment's automatic rollback, recorded once: a redelivered failure, a
     * replay or a second instance finds it recorded and changes nothing (answers false). Only a FAILED
     * deployment that is not itself a rollback has one.
     */
    @CommandHandler
    public Boolean handle(RecordAutomaticRollback command) {
        if (automaticRollbackRecorded || state != DeploymentState.FAILED || isRollback()) {
            return false;
        }
        if (command.rollbackDeploymentId() != null) {
            apply(new AutomaticRollbackStarted(deploymentId, command.rollbackDeploymentId(), command.policyId(),
                    accepted.service(), accepted.environment(), accepted.deliveryGroupId(), failureCategories(),
                    command.at()));
        } else {
            apply(new AutomaticRollbackRefused(deploymentId, command.policyId(), accepted.service(),
                    accepted.environment(), accepted.deliveryGroupId(), command.code(), command.message(),
                    command.at()));
        }
        return true;
    }

    public DeploymentAccepted accepted() {
        return accepted;
    }

    public DeploymentState state() {
        return state;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Whether the engine ever started an execution for it (something may have changed). */
    public boolean executionStarted() {
        return executionId != null;
    }

    public List<FailureCategory> failureCategories() {
        return failureCategories == null ? List.of() : failureCategories;
    }

    public boolean automaticRollbackRecorded() {
        return automaticRollbackRecorded;
    }

    public boolean isRollback() {
        return accepted.deploymentKind() == DeploymentKind.ROLLBACK || accepted.rollbackOf() != null;
    }

    @EventSourcingHandler
    void on(DeploymentAccepted event) {
        deploymentId = event.deploymentId();
        accepted = event;
        state = DeploymentState.IN_PROGRESS;
        updatedAt = event.createdAt();
    }

    @EventSourcingHandler
    void on(ApprovalRequested event) {
        approval = DeploymentApproval.waitingFor(event.requirement());
        state = DeploymentState.PENDING_APPROVAL;
    }

    @EventSourcingHandler
    void on(DeploymentApprovalGranted event) {
        approval = approval.granted(event);
    }

    @EventSourcingHandler
    void on(DeploymentApproved event) {
        state = DeploymentState.IN_PROGRESS;
        updatedAt = event.at();
    }

    @EventSourcingHandler
    void on(DeploymentRejected event) {
        approval = approval.rejected(event);
    }

    @EventSourcingHandler
    void on(EngineExecutionStarted event) {
        executionId = event.executionId();
        updatedAt = event.at();
    }

    @EventSourcingHandler
    void on(DeploymentProgressed event) {
        state = event.state();
        updatedAt = event.at();
    }

    @EventSourcingHandler
    void on(DeploymentSucceeded event) {
        state = DeploymentState.SUCCEEDED;
        updatedAt = event.at();
    }

    @EventSourcingHandler
    void on(DeploymentFailed event) {
        state = DeploymentState.FAILED;
        updatedAt = event.at();
        failureCategories = event.failures() == null ? List.of()
                : event.failures().stream().map(FailureModel::category).filter(java.util.Objects::nonNull).toList();
    }

    @EventSourcingHandler
    void on(AutomaticRollbackStarted event) {
        automaticRollbackRecorded = true;
    }

    @EventSourcingHandler
    void on(AutomaticRollbackRefused event) {
        automaticRollbackRecorded = true;
    }

    @EventSourcingHandler
    void on(DeploymentCanceled event) {
        state = DeploymentState.CANCELED;
        updatedAt = event.at();
    }

    @EventSourcingHandler
    void on(DeploymentRolledBackByEngine event) {
        state = DeploymentState.ROLLED_BACK;
        updatedAt = event.at();
    }
}
