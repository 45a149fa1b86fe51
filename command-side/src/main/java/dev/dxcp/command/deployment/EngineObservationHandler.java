package dev.dxcp.command.deployment;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineTriggerRefusal;
import dev.dxcp.events.deployment.DeploymentCommands.RefuseTrigger;
import dev.dxcp.events.idempotency.IdempotencyMessages.WithdrawIdempotentResponse;

import dev.dxcp.events.deployment.DeploymentCommands.ObserveDeploymentState;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineObservation;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Applies what the engine reported to a deployment and, when that made it terminal, gives its lane
 * place back in the same unit of work: a finished deployment never keeps its group blocked.
 */
public class EngineObservationHandler {
    private final Repository<Deployment> deployments;
    private final Repository<IdempotencyKey> idempotencyKeys;
    private final LaneGate lanes;

    public EngineObservationHandler(Repository<Deployment> deployments, Repository<IdempotencyKey> idempotencyKeys,
                                    LaneGate lanes) {
        this.deployments = deployments;
        this.idempotencyKeys = idempotencyKeys;
        this.lanes = lanes;
    }

    /**
     * The engine never started this deployment: record why (the code the deploy request answers with),
     * fail it with the normalized failure, free its lane place and forget its remembered 201.
     */
    @CommandHandler
    public void handle(RecordEngineTriggerRefusal command) {
        DeploymentAccepted accepted = AggregateCommands.read(deployments, command.deploymentId(), Deployment::new,
                Deployment::accepted);
        if (accepted == null) {
            throw new IllegalArgumentException("Unknown deployment " + command.deploymentId());
        }
        Boolean terminal = AggregateCommands.handle(deployments, command.deploymentId(), Deployment::new,
                new RefuseTrigger(command.deploymentId(), command.code(), command.message(),
                        command.operatorHint(), command.details(), command.failure(), command.at()));
        if (!terminal) {
            return;
        }
        lanes.release(accepted.laneId(), command.deploymentId(), command.at());
        if (accepted.submission().idempotency() != null) {
            String keyId = accepted.submission().idempotency().keyId();
            AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new,
                    new WithdrawIdempotentResponse(keyId, command.deploymentId(), command.at()));
        }
    }

    /** Answers true when the deployment became terminal with this observation. */
    @CommandHandler
    public Boolean handle(RecordEngineObservation command) {
        DeploymentAccepted accepted = AggregateCommands.read(deployments, command.deploymentId(), Deployment::new,
                Deployment::accepted);
        if (accepted == null) {
            throw new IllegalArgumentException("Unknown deployment " + command.deploymentId());
        }
        Boolean terminal = AggregateCommands.handle(deployments, command.deploymentId(), Deployment::new,
                new ObserveDeploymentState(command.deploymentId(), command.state(), command.failures(),
                        command.at()));
        if (terminal) {
            lanes.release(accepted.laneId(), command.deploymentId(), command.at());
        }
        return terminal;
    }
}
