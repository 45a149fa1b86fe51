package dev.dxcp.command.deployment;

import dev.dxcp.command.governance.ApprovalGate;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.deployment.PromotionPolicy.Promotable;
import dev.dxcp.command.governance.OwnerScope;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentCommands.PolicySummaryResult;
import dev.dxcp.events.deployment.DeploymentCommands.SummarizePolicy;
import dev.dxcp.events.deployment.DeploymentCommands.ValidateDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.ValidationResult;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.PolicySnapshot;
import dev.dxcp.events.deployment.PromotionCommands.PromotionValidationResult;
import dev.dxcp.events.deployment.PromotionCommands.ValidatePromotion;
import dev.dxcp.events.deployment.PromotionIntent;
import dev.dxcp.events.governance.FreezeInForce;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * validate (of deploys and of promotions) and policy summary: the checks without consequences. Nothing
 * is consumed or recorded; validate fails on quota only when none is left and on concurrency when the
 * lane is full (api-contract §5), after the artifact and engine preflights. A promotion is validated
 * as the deploy into its target that it would be.
 */
public class DeploymentValidationHandler {
    private final DeploymentPolicy policy;
    private final PromotionPolicy promotions;
    private final DeliveryConfigurationView configuration;
    private final SystemSettingsView settings;
    private final RegisteredBuilds builds;
    private final LaneGate lanes;
    private final ArtifactPreflight artifacts;
    private final EngineReadiness engine;
    private final OwnerScope ownerScope;
    private final FreezeGate freeze;
    private final ChangeGovernanceView governance;
    private final ApprovalGate approvals;

    public DeploymentValidationHandler(DeploymentPolicy policy, PromotionPolicy promotions,
                                       DeliveryConfigurationView configuration, SystemSettingsView settings,
                                       RegisteredBuilds builds, LaneGate lanes, ArtifactPreflight artifacts,
                                       EngineReadiness engine, OwnerScope ownerScope, FreezeGate freeze,
                                       ChangeGovernanceView governance) {
        this.governance = governance;
        this.approvals = new ApprovalGate(governance);
        this.ownerScope = ownerScope;
        this.freeze = freeze;
        this.policy = policy;
        this.promotions = promotions;
        this.configuration = configuration;
        this.settings = settings;
        this.builds = builds;
        this.lanes = lanes;
        this.artifacts = artifacts;
        this.engine = engine;
    }

    @CommandHandler
    public ValidationResult handle(ValidateDeployment command) {
        DeploymentIntent intent = command.intent();
        DeliveryConfigurationState config = configuration.current();
        ownerScope.check(config.groupOf(intent.service()), command.actor());
        Resolution resolution = policy.resolve(intent.service(), intent.environment(), intent.version(),
                intent.recipeId(), config);
        BuildRecord build = builds.registered(intent.service(), intent.version());
        FreezeGate.Change change = new FreezeGate.Change(DeploymentKind.ROLL_FORWARD, null, intent.service(),
                resolution, command.actor(), command.freezeOverride(), command.requestedAt());
        Checked checked = preflight(build, resolution, change);
        return new ValidationResult(intent.service(), resolution.environment().id(), intent.version(),
                resolution.recipe().id(), resolution.group().id(), checked.policy(), checked.freeze());
    }

    @CommandHandler
    public PromotionValidationResult handle(ValidatePromotion command) {
        PromotionIntent intent = command.intent();
        DeliveryConfigurationState config = configuration.current();
        ownerScope.check(config.groupOf(intent.service()), command.actor());
        Promotable promotable = promotions.check(intent, config);
        Resolution target = promotable.target();
        FreezeGate.Change change = new FreezeGate.Change(DeploymentKind.PROMOTE, null, intent.service(), target,
                command.actor(), command.freezeOverride(), command.requestedAt());
        Checked checked = preflight(promotable.build(), target, change);
        return new PromotionValidationResult(intent.service(), intent.sourceEnvironment(), target.environment().id(),
                intent.version(), target.recipe().id(), target.group().id(), checked.policy(), checked.freeze());
    }

    @CommandHandler
    public PolicySummaryResult handle(SummarizePolicy command) {
        DeliveryConfigurationState config = configuration.current();
        Resolution resolution = policy.resolve(command.service(), command.environment(), null, command.recipeId(),
                config);
        PolicySnapshot snapshot = snapshot(resolution, command.requestedAt().atZone(ZoneOffset.UTC).toLocalDate());
        return new PolicySummaryResult(command.service(), resolution.environment().id(), resolution.group().id(),
                resolution.recipe(), resolution.route(), snapshot,
                freeze.inForce(resolution, command.requestedAt()).orElse(null),
                approvals.requirementFor(resolution.group(), resolution.environment().id(), command.requestedAt())
                        .orElse(null),
                governance.current().autoRollbackFor(resolution.group().id(), resolution.environment().id(),
                        resolution.recipe().id()).orElse(null));
    }

    /** What validate found: the policy object, and the freeze window an admin's override goes through. */
    private record Checked(PolicySnapshot policy, FreezeInForce freeze) {
    }

    /**
     * The artifact and engine preflights, a freeze window in force (as the deploy would meet it after its
     * key), then the lane: no quota left, or no place free, fails validate.
     */
    private Checked preflight(BuildRecord build, Resolution resolution, FreezeGate.Change change) {
        artifacts.check(build).ifPresent(refusal -> {
            throw refusal;
        });
        engine.check().ifPresent(refusal -> {
            throw refusal;
        });
        FreezeInForce overridden = freeze.check(change).orElse(null);
        Instant requestedAt = change.at();
        PolicySnapshot snapshot = snapshot(resolution, requestedAt.atZone(ZoneOffset.UTC).toLocalDate());
        if (snapshot.deploymentsRemaining() <= 0) {
            throw Guardrails.quotaExceeded("deploy", snapshot.dailyDeployQuota());
        }
        if (snapshot.currentConcurrentDeployments() >= snapshot.maxConcurrentDeployments()) {
            throw Guardrails.concurrencyReached(snapshot.maxConcurrentDeployments(),
                    snapshot.currentConcurrentDeployments());
        }
        return new Checked(snapshot, overridden);
    }

    /** The policy object as it stands now; in-flight members are counted as the deploy path counts them. */
    private PolicySnapshot snapshot(Resolution resolution, LocalDate day) {
        LaneSnapshot lane = lanes.inspect(resolution.laneId(), day);
        int inFlight = lanes.countInFlight(lane);
        int quota = resolution.guardrails().dailyDeployQuota();
        return new PolicySnapshot(resolution.guardrails().maxConcurrentDeployments(), inFlight, quota,
                lane.deploysUsed(), Math.max(0, quota - lane.deploysUsed()),
                settings.current().rateLimits().value().dailyQuotaBuildRegister());
    }
}
