package dev.dxcp.command.deployment;

import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.common.ResponseRenderer;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.events.deployment.DeploymentCommands.AcceptDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.SubmissionOutcome;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.idempotency.IdempotencyMessages.RecordIdempotentResponse;
import org.axonframework.modelling.command.Repository;

import java.util.List;

import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;

/**
 * The last step of a deploy or rollback (governance §5 step 16): the record comes into being, the
 * 201 body is rendered, and the Idempotency-Key remembers it — all in the deciding unit of work.
 */
public class AcceptedDeployments {
    private final Repository<Deployment> deployments;
    private final Repository<IdempotencyKey> idempotencyKeys;
    private final ResponseRenderer renderer;

    public AcceptedDeployments(Repository<Deployment> deployments, Repository<IdempotencyKey> idempotencyKeys,
                               ResponseRenderer renderer) {
        this.deployments = deployments;
        this.idempotencyKeys = idempotencyKeys;
        this.renderer = renderer;
    }

    public SubmissionOutcome accept(DeploymentAccepted accepted, String idempotencyScope, String fingerprint,
                                    boolean admin) {
        AggregateCommands.handle(deployments, accepted.deploymentId(), Deployment::new,
                new AcceptDeployment(accepted.deploymentId(), accepted));
        String body = renderer.deployment(initialRecord(accepted), admin);
        String keyId = idempotencyKeyId(idempotencyScope);
        AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new, new RecordIdempotentResponse(keyId,
                fingerprint, 201, body, accepted.deploymentId(), accepted.createdAt()));
        return new SubmissionOutcome(SubmissionOutcome.Kind.ACCEPTED, 201, body, accepted.deploymentId(), null);
    }

    /** A new record: IN_PROGRESS, no outcome, no failures, updated when created (domain §2). */
    public static DeploymentRecord initialRecord(DeploymentAccepted a) {
        return new DeploymentRecord(a.deploymentId(), a.service(), a.environment(), a.version(),
                a.sourceEnvironment(), a.recipeId(), a.recipeRevision(), a.effectiveBehaviorSummary(),
                DeploymentState.IN_PROGRESS, a.deploymentKind(), null, a.changeSummary(), a.createdAt(),
                a.createdAt(), a.rollbackOf(), a.deliveryGroupId(), null, null, List.of());
    }
}
