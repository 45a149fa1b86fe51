package dev.dxcp.command.deployment;

import dev.dxcp.command.admission.Decided;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.deployment.RollForwardRule.Forward;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequirement;
import dev.dxcp.events.deployment.DeploymentCommands.AcceptDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.RequestRollback;
import dev.dxcp.events.deployment.DeploymentCommands.RollForwardRequest;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted.Artifact;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted.Change;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted.Placement;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted.RecipeUse;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted.Submission;
import dev.dxcp.events.deployment.AutomaticRollbackMessages;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.PolicySnapshot;
import dev.dxcp.events.idempotency.Answer;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;

/**
 * The last step of a deploy, promotion or rollback (governance §5 step 16), and the one place a record is
 * made: it comes into being in the deciding unit of work, and the answer is the new record as the
 * caller's role shows it.
 */
public class AcceptedDeployments {
    private final Repository<Deployment> deployments;

    public AcceptedDeployments(Repository<Deployment> deployments) {
        this.deployments = deployments;
    }

    /**
     * A deploy, or a promotion into its target, of a registered build.
     *
     * @param approval what it waits for before the engine starts, or null (docs/GOVERNANCE.md "Approvals")
     */
    public Decided rollForward(RollForwardRequest request, Forward forward, Resolution resolution, BuildRecord build,
                               EngineTarget engine, PolicySnapshot policy, ApprovalRequirement approval) {
        return accept(approval, new DeploymentAccepted(request.deploymentId(), new Placement(forward.service(),
                resolution.environment().id(), resolution.group().id(), resolution.laneId()),
                new Change(forward.kind(), forward.version(), forward.changeSummary(), forward.sourceEnvironment(),
                        null, null),
                recipe(resolution), new Artifact(build.artifactRef(), build.sha256(), build.sizeBytes(), build.artifactEtag()), engine,
                submission(request.requestedAt(), request.actor(), request.idempotency()), policy));
    }

    /**
     * A rollback of {@code target} to {@code version} (governance §11); the artifact is the registered
     * build of that version when there is one.
     */
    public Decided rollback(RequestRollback command, DeploymentAccepted target, Resolution resolution,
                            EngineTarget engine, String version, BuildRecord build, PolicySnapshot policy) {
        return accept(new DeploymentAccepted(command.deploymentId(), new Placement(target.service(),
                target.environment(), resolution.group().id(), resolution.laneId()),
                new Change(DeploymentKind.ROLLBACK, version, rollbackSummary(command, target, version),
                        null, target.deploymentId(), version),
                recipe(resolution), build == null ? new Artifact(null, null, null)
                        : new Artifact(build.artifactRef(), build.sha256(), build.sizeBytes(), build.artifactEtag()), engine,
                submission(command.requestedAt(), command.actor(), command.idempotency()), policy));
    }

    /** An automatic rollback says so, and names its cause (docs/GOVERNANCE.md "Automatic rollback"). */
    private static String rollbackSummary(RequestRollback command, DeploymentAccepted target, String version) {
        boolean automatic = AutomaticRollbackMessages.SYSTEM.equals(command.actor());
        return (automatic ? "automatic rollback of " : "rollback of ") + target.deploymentId() + " to " + version
                + (automatic ? " after it failed" : "");
    }

    private Decided accept(DeploymentAccepted accepted) {
        return accept(null, accepted);
    }

    private Decided accept(ApprovalRequirement approval, DeploymentAccepted accepted) {
        AggregateCommands.handle(deployments, accepted.deploymentId(), Deployment::new,
                new AcceptDeployment(accepted.deploymentId(), accepted, approval));
        boolean admin = "PLATFORM_ADMIN".equals(accepted.actor().role());
        DeploymentRecord record = DeploymentRecord.initialOf(accepted);
        if (approval != null) {
            record = record.inState(DeploymentState.PENDING_APPROVAL);
        }
        return Decided.answered(Answer.deployment(record, admin), accepted.deploymentId());
    }

    private static RecipeUse recipe(Resolution resolution) {
        return new RecipeUse(resolution.recipe().id(), resolution.recipe().revision(),
                resolution.recipe().effectiveBehaviorSummary());
    }

    private static Submission submission(Instant at, ActorIdentity actor, IdempotencyKeyUse idempotency) {
        return new Submission(at, actor, idempotency);
    }
}
