package dev.dxcp.command.deployment;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalOutcome;
import dev.dxcp.events.deployment.ApprovalMessages.ApproveDeployment;
import dev.dxcp.events.deployment.ApprovalMessages.ExpireApproval;
import dev.dxcp.events.deployment.ApprovalMessages.LapseApproval;
import dev.dxcp.events.deployment.ApprovalMessages.RecordApproval;
import dev.dxcp.events.deployment.ApprovalMessages.RecordRejection;
import dev.dxcp.events.deployment.ApprovalMessages.RejectDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;

/**
 * Approve, reject and expire (docs/GOVERNANCE.md "Approvals"), each in one unit of work: the deployment
 * decides, and when that ended it (rejected, expired) its lane place is released in the same unit of work,
 * as a terminal engine report releases it. Refusals are answered as values so an expiry the deployment
 * applied on the way commits with them.
 */
public class ApprovalDecisionHandler {
    private final Repository<Deployment> deployments;
    private final LaneGate lanes;

    public ApprovalDecisionHandler(Repository<Deployment> deployments, LaneGate lanes) {
        this.deployments = deployments;
        this.lanes = lanes;
    }

    @CommandHandler
    public ApprovalOutcome handle(ApproveDeployment command) {
        DeploymentAccepted accepted = existing(command.deploymentId());
        Rejection refused = AggregateCommands.handle(deployments, command.deploymentId(), Deployment::new,
                new RecordApproval(command.deploymentId(), command.approver(), command.reason(), command.at()));
        return outcome(accepted, refused, command.at());
    }

    @CommandHandler
    public ApprovalOutcome handle(RejectDeployment command) {
        DeploymentAccepted accepted = existing(command.deploymentId());
        Rejection refused = AggregateCommands.handle(deployments, command.deploymentId(), Deployment::new,
                new RecordRejection(command.deploymentId(), command.approver(), command.reason(), command.at()));
        return outcome(accepted, refused, command.at());
    }

    @CommandHandler
    public ApprovalOutcome handle(ExpireApproval command) {
        DeploymentAccepted accepted = existing(command.deploymentId());
        AggregateCommands.handle(deployments, command.deploymentId(), Deployment::new,
                new LapseApproval(command.deploymentId(), command.at()));
        return outcome(accepted, null, command.at());
    }

    private DeploymentAccepted existing(String deploymentId) {
        DeploymentAccepted accepted = AggregateCommands.read(deployments, deploymentId, Deployment::new,
                Deployment::accepted);
        if (accepted == null) {
            throw new Rejection(ErrorCode.NOT_FOUND, "Deployment not found");
        }
        return accepted;
    }

    private ApprovalOutcome outcome(DeploymentAccepted accepted, Rejection refused, Instant at) {
        DeploymentState state = AggregateCommands.read(deployments, accepted.deploymentId(), Deployment::new,
                Deployment::state);
        if (state == DeploymentState.CANCELED) {
            lanes.release(accepted.laneId(), accepted.deploymentId(), at);
        }
        return new ApprovalOutcome(state, refused);
    }
}
