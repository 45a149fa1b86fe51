package dev.dxcp.command.deployment;

import dev.dxcp.command.admission.Decided;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.events.deployment.DeploymentCommands.AcceptDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.idempotency.Answer;
import org.axonframework.modelling.command.Repository;

/**
 * The last step of a deploy, promotion or rollback (governance §5 step 16): the record comes into being
 * in the deciding unit of work, and the answer is the new record as the caller's role shows it.
 */
public class AcceptedDeployments {
    private final Repository<Deployment> deployments;

    public AcceptedDeployments(Repository<Deployment> deployments) {
        this.deployments = deployments;
    }

    public Decided accept(DeploymentAccepted accepted) {
        AggregateCommands.handle(deployments, accepted.deploymentId(), Deployment::new,
                new AcceptDeployment(accepted.deploymentId(), accepted));
        boolean admin = "PLATFORM_ADMIN".equals(accepted.actor().role());
        return Decided.answered(Answer.deployment(DeploymentRecord.initialOf(accepted), admin),
                accepted.deploymentId());
    }
}
