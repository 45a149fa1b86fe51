package dev.dxcp.command.deployment;

import dev.dxcp.command.common.AggregateCommands;
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
    private final LaneGate lanes;

    public EngineObservationHandler(Repository<Deployment> deployments, LaneGate lanes) {
        this.deployments = deployments;
        this.lanes = lanes;
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
