package dev.dxcp.command.deployment;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.deployment.AutomaticRollbackMessages;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.RecordAutomaticRollback;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.StartAutomaticRollback;
import dev.dxcp.events.deployment.DeploymentCommands.RequestRollback;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.governance.AutoRollbackPolicy;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;

/**
 * Automatic rollback (docs/GOVERNANCE.md): decided for one failed deployment in one unit of work. If a
 * policy covers it and {@link AutomaticRollbackRule} says it is due, DXCP asks for the rollback exactly as a
 * person would — the rollback request, through the one admission pipeline (freeze, rollback quota,
 * concurrency) — as the system actor, under a record id and Idempotency-Key derived from the failed
 * deployment. What came of it, started or refused, is recorded on the failed deployment in the same unit of
 * work, once: a second delivery of the failure finds it recorded and does nothing, and two instances deciding
 * at once collide on the event store's (aggregate, sequence) key, the loser being re-decided on the winner's
 * state. Answers true when a rollback was started.
 */
public class AutomaticRollbackHandler {
    private final Repository<Deployment> deployments;
    private final ChangeGovernanceView governance;
    private final PriorSuccess priorSuccess;
    private final RollbackRequestHandler rollbacks;

    public AutomaticRollbackHandler(Repository<Deployment> deployments, ChangeGovernanceView governance,
                                    PriorSuccess priorSuccess, RollbackRequestHandler rollbacks) {
        this.deployments = deployments;
        this.governance = governance;
        this.priorSuccess = priorSuccess;
        this.rollbacks = rollbacks;
    }

    @CommandHandler
    public Boolean handle(StartAutomaticRollback command) {
        String failedId = command.failedDeploymentId();
        Deployment failed = AggregateCommands.read(deployments, failedId, Deployment::new, d -> d);
        if (failed == null || !AutomaticRollbackRule.due(failed)) {
            return false;
        }
        DeploymentAccepted target = failed.accepted();
        Optional<AutoRollbackPolicy> policy = governance.current().autoRollbackFor(target.deliveryGroupId(),
                target.environment(), target.recipeId());
        if (policy.isEmpty()) {
            return false;
        }
        String policyId = policy.get().id();
        // Nothing to return to: no admission at all (no quota unit, no denial), only the reason, on the record.
        if (priorSuccess.before(target.service(), target.environment(), failedId).isEmpty()) {
            return record(new RecordAutomaticRollback(failedId, policyId, null,
                    ErrorCode.NO_PRIOR_SUCCESSFUL_VERSION.code(),
                    "No earlier successful deployment of this service and environment to roll back to",
                    command.at()), false);
        }
        String rollbackId = AutomaticRollbackMessages.rollbackIdOf(failedId);
        AdmissionOutcome outcome = rollbacks.handle(new RequestRollback(
                AutomaticRollbackMessages.idempotencyOf(failedId), rollbackId, failedId,
                AutomaticRollbackMessages.SYSTEM, command.at()));
        if (outcome.kind() == AdmissionOutcome.Kind.REFUSED) {
            return record(new RecordAutomaticRollback(failedId, policyId, null, outcome.refusal().code(),
                    outcome.refusal().getMessage(), command.at()), false);
        }
        return record(new RecordAutomaticRollback(failedId, policyId, rollbackId, null, null, command.at()), true);
    }

    private boolean record(RecordAutomaticRollback outcome, boolean started) {
        AggregateCommands.handle(deployments, outcome.failedDeploymentId(), Deployment::new, outcome);
        return started;
    }
}
