package dev.dxcp.command.deployment;

import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.common.RateGate;
import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.BuildMessages;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.DeploymentCommands.LaneDecision;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentCommands.RequestRollback;
import dev.dxcp.events.deployment.DeploymentCommands.SubmissionOutcome;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.PolicySnapshot;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;

/**
 * A rollback request, decided in the order of governance §5 (rollback) and §11: the target exists and
 * is not itself a rollback, the same policy and compatibility as a deploy of the target's recipe, replay,
 * rate and the daily rollback quota, concurrency, a prior successful version, an engine application.
 * The new record returns the service to the prior success's version; the target is never modified.
 */
public class RollbackRequestHandler {
    /** Rollbacks carry no body: the path names the target, so every retry under a key is the same request. */
    static final String FINGERPRINT = "rollback";

    private final DeploymentPolicy policy;
    private final DeliveryConfigurationView configuration;
    private final SystemSettingsView settings;
    private final Repository<Deployment> deployments;
    private final Repository<BuildVersion> builds;
    private final Repository<IdempotencyKey> idempotencyKeys;
    private final LaneGate lanes;
    private final RateGate rateGate;
    private final PriorSuccess priorSuccess;
    private final DenialRecorder denials;
    private final AcceptedDeployments accepted;
    private final Duration idempotencyWindow;

    public RollbackRequestHandler(DeploymentPolicy policy, DeliveryConfigurationView configuration,
                                  SystemSettingsView settings, Repository<Deployment> deployments,
                                  Repository<BuildVersion> builds, Repository<IdempotencyKey> idempotencyKeys,
                                  LaneGate lanes, RateGate rateGate, PriorSuccess priorSuccess,
                                  DenialRecorder denials, AcceptedDeployments accepted, Duration idempotencyWindow) {
        this.policy = policy;
        this.configuration = configuration;
        this.settings = settings;
        this.deployments = deployments;
        this.builds = builds;
        this.idempotencyKeys = idempotencyKeys;
        this.lanes = lanes;
        this.rateGate = rateGate;
        this.priorSuccess = priorSuccess;
        this.denials = denials;
        this.accepted = accepted;
        this.idempotencyWindow = idempotencyWindow;
    }

    @CommandHandler
    public SubmissionOutcome handle(RequestRollback command) {
        DeploymentAccepted target = AggregateCommands.read(deployments, command.targetDeploymentId(),
                Deployment::new, Deployment::accepted);
        if (target == null) {
            throw new Rejection(ErrorCode.NOT_FOUND, "Deployment not found");
        }
        DeliveryConfigurationState config = configuration.current();
        String groupId = config.groupOf(target.service()).map(DeliveryGroup::id).orElse(target.deliveryGroupId());
        Resolution resolution;
        try {
            if (target.deploymentKind() == DeploymentKind.ROLLBACK || target.rollbackOf() != null) {
                throw new Rejection(ErrorCode.ROLLBACK_OF_ROLLBACK, "A rollback cannot itself be rolled back");
            }
            String recipeId = target.recipeId() == null ? "default" : target.recipeId();
            resolution = policy.resolve(target.service(), target.environment(), null, recipeId, config);
        } catch (Rejection refused) {
            return deny(command, target, groupId, refused);
        }

        String keyId = idempotencyKeyId(command.idempotencyScope());
        IdempotencyVerdict verdict = AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new,
                new CheckIdempotency(keyId, FINGERPRINT, command.requestedAt(), idempotencyWindow));
        if (verdict.kind() != IdempotencyVerdict.Kind.FRESH) {
            return new SubmissionOutcome(SubmissionOutcome.Kind.REPLAYED, verdict.status(), verdict.body(),
                    verdict.resourceId(), null);
        }

        rateGate.chargeMutation(command.actor().actorId(), command.requestId());
        Optional<DeploymentRecord> prior = priorSuccess.before(target.service(), target.environment(),
                target.deploymentId());
        EngineTarget engine = EngineTargets.rollback(resolution.recipe());
        LocalDate day = LocalDate.ofInstant(command.requestedAt(), ZoneOffset.UTC);
        String laneId = resolution.laneId();
        LaneSnapshot lane = lanes.inspect(laneId, day);
        int inFlight = lanes.reapAndCountInFlight(laneId, lane, command.requestedAt());
        int quota = resolution.guardrails().dailyRollbackQuota();
        int max = resolution.guardrails().maxConcurrentDeployments();
        LaneDecision decision = lanes.admit(laneId, command.deploymentId(), DeploymentKind.ROLLBACK, day, max, quota,
                inFlight, prior.isPresent() && engine != null, command.requestedAt());
        if (decision.kind() == LaneDecision.Kind.QUOTA_EXCEEDED) {
            return deny(command, target, groupId, Guardrails.quotaExceeded("rollback", quota));
        }
        if (decision.kind() == LaneDecision.Kind.CONCURRENCY_LIMIT_REACHED) {
            return deny(command, target, groupId, Guardrails.concurrencyReached(max, decision.inFlight()));
        }
        if (prior.isEmpty()) {
            return deny(command, target, groupId, new Rejection(ErrorCode.NO_PRIOR_SUCCESSFUL_VERSION,
                    "No earlier successful deployment of this service and environment to roll back to"));
        }
        if (engine == null) {
            return deny(command, target, groupId, new Rejection(ErrorCode.MISSING_SPINNAKER_TARGET,
                    "The recipe has no engine rollback pipeline to call", "Recipe " + resolution.recipe().id()
                    + " lacks spinnaker_application or rollback_pipeline", null));
        }

        String version = prior.get().version();
        BuildRecord build = AggregateCommands.read(builds, BuildMessages.buildVersionId(target.service(), version),
                BuildVersion::new, BuildVersion::build);
        PolicySnapshot snapshot = new PolicySnapshot(max, decision.inFlight(), quota, decision.used(),
                Math.max(0, quota - decision.used()), settings.current().rateLimits().value().dailyQuotaBuildRegister());
        DeploymentAccepted record = new DeploymentAccepted(command.deploymentId(), target.service(),
                target.environment(), version, resolution.recipe().id(), resolution.recipe().revision(),
                resolution.recipe().effectiveBehaviorSummary(), DeploymentKind.ROLLBACK, target.deploymentId(), null,
                "rollback of " + target.deploymentId() + " to " + version, resolution.group().id(), laneId,
                command.requestedAt(), command.idempotencyKey(), command.actor(), snapshot, engine,
                build == null ? null : build.artifactRef(), version, build == null ? null : build.sha256(),
                build == null ? null : build.sizeBytes(), command.idempotencyScope());
        return accepted.accept(record, command.idempotencyScope(), FINGERPRINT,
                "PLATFORM_ADMIN".equals(command.actor().role()));
    }

    private SubmissionOutcome deny(RequestRollback command, DeploymentAccepted target, String groupId,
                                   Rejection refused) {
        return denials.deny(DeploymentKind.ROLLBACK, target.service(), target.environment(), groupId,
                target.deploymentId(), refused, command.requestedAt());
    }
}
