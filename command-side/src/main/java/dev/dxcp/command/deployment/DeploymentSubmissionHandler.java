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
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.DeploymentCommands.LaneDecision;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentCommands.SubmissionOutcome;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.PolicySnapshot;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;

/**
 * A deploy intent after the edge's checks, decided in one unit of work in the order of governance §5:
 * 6–10 policy and compatibility, 11 version registered (the command side's truth: a build registered a
 * moment ago is deployable), 12 replay or conflict, 13 mutate rate and daily quota, 14 stale-lock
 * reaping and concurrency, then the record. Refusals from step 6 on are recorded as DEPLOY_DENIED.
 */
public class DeploymentSubmissionHandler {
    private final DeploymentPolicy policy;
    private final DeliveryConfigurationView configuration;
    private final SystemSettingsView settings;
    private final Repository<BuildVersion> builds;
    private final Repository<IdempotencyKey> idempotencyKeys;
    private final LaneGate lanes;
    private final RateGate rateGate;
    private final DenialRecorder denials;
    private final AcceptedDeployments accepted;
    private final Duration idempotencyWindow;

    public DeploymentSubmissionHandler(DeploymentPolicy policy, DeliveryConfigurationView configuration,
                                       SystemSettingsView settings, Repository<BuildVersion> builds,
                                       Repository<IdempotencyKey> idempotencyKeys, LaneGate lanes, RateGate rateGate,
                                       DenialRecorder denials, AcceptedDeployments accepted,
                                       Duration idempotencyWindow) {
        this.policy = policy;
        this.configuration = configuration;
        this.settings = settings;
        this.builds = builds;
        this.idempotencyKeys = idempotencyKeys;
        this.lanes = lanes;
        this.rateGate = rateGate;
        this.denials = denials;
        this.accepted = accepted;
        this.idempotencyWindow = idempotencyWindow;
    }

    @CommandHandler
    public SubmissionOutcome handle(SubmitDeployment command) {
        DeploymentIntent intent = command.intent();
        DeliveryConfigurationState config = configuration.current();
        String groupId = config.groupOf(intent.service()).map(DeliveryGroup::id).orElse(null);
        Resolution resolution;
        BuildRecord build;
        try {
            resolution = policy.resolve(intent.service(), intent.environment(), intent.version(),
                    intent.recipeId(), config);
            build = registeredBuild(intent.service(), intent.version());
        } catch (Rejection refused) {
            return deny(command, groupId, refused);
        }

        String keyId = idempotencyKeyId(command.idempotencyScope());
        IdempotencyVerdict verdict = AggregateCommands.handle(idempotencyKeys, keyId, IdempotencyKey::new,
                new CheckIdempotency(keyId, command.fingerprint(), command.requestedAt(), idempotencyWindow));
        if (verdict.kind() == IdempotencyVerdict.Kind.REPLAY) {
            return new SubmissionOutcome(SubmissionOutcome.Kind.REPLAYED, verdict.status(), verdict.body(),
                    verdict.resourceId(), null);
        }
        if (verdict.kind() == IdempotencyVerdict.Kind.CONFLICT) {
            throw new Rejection("IDEMPOTENCY_CONFLICT", 409,
                    "Idempotency-Key was already used for a different deployment intent");
        }

        rateGate.chargeMutation(command.actor().actorId(), command.requestId());
        EngineTarget engine = EngineTargets.deploy(resolution.recipe());
        LocalDate day = LocalDate.ofInstant(command.requestedAt(), ZoneOffset.UTC);
        String laneId = resolution.laneId();
        LaneSnapshot lane = lanes.inspect(laneId, day);
        int inFlight = lanes.reapAndCountInFlight(laneId, lane, command.requestedAt());
        int quota = resolution.guardrails().dailyDeployQuota();
        int max = resolution.guardrails().maxConcurrentDeployments();
        LaneDecision decision = lanes.admit(laneId, command.deploymentId(), DeploymentKind.ROLL_FORWARD, day, max,
                quota, inFlight, engine != null, command.requestedAt());
        switch (decision.kind()) {
            case QUOTA_EXCEEDED -> {
                return deny(command, groupId, Guardrails.quotaExceeded("deploy", quota));
            }
            case CONCURRENCY_LIMIT_REACHED -> {
                return deny(command, groupId, Guardrails.concurrencyReached(max, decision.inFlight()));
            }
            default -> {
                if (engine == null) {
                    // Returned, not thrown: the quota unit consumed above stays consumed (governance §7).
                    return SubmissionOutcome.denied(EngineTargets.missingApplication(resolution.recipe()));
                }
            }
        }

        PolicySnapshot snapshot = new PolicySnapshot(max, decision.inFlight(), quota, decision.used(),
                Math.max(0, quota - decision.used()), settings.current().rateLimits().value().dailyQuotaBuildRegister());
        DeploymentAccepted record = new DeploymentAccepted(command.deploymentId(), intent.service(),
                resolution.environment().id(), intent.version(), resolution.recipe().id(),
                resolution.recipe().revision(), resolution.recipe().effectiveBehaviorSummary(),
                DeploymentKind.ROLL_FORWARD, null, null, intent.changeSummary(), resolution.group().id(), laneId,
                command.requestedAt(), command.idempotencyKey(), command.actor(), snapshot, engine,
                build.artifactRef(), null, build.sha256(), build.sizeBytes(), command.idempotencyScope());
        return accepted.accept(record, command.idempotencyScope(), command.fingerprint(),
                "PLATFORM_ADMIN".equals(command.actor().role()));
    }

    private BuildRecord registeredBuild(String service, String version) {
        BuildRecord build = AggregateCommands.read(builds, BuildMessages.buildVersionId(service, version),
                BuildVersion::new, BuildVersion::build);
        if (build == null) {
            throw DeploymentPolicy.versionNotFound(service, version);
        }
        return build;
    }

    private SubmissionOutcome deny(SubmitDeployment command, String groupId, Rejection refused) {
        return denials.deny(DeploymentKind.ROLL_FORWARD, command.intent().service(), command.intent().environment(),
                groupId, null, refused, command.requestedAt());
    }
}
