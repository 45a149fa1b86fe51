package dev.dxcp.command.deployment;

import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.BuildMessages;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentCommands.PolicySummaryResult;
import dev.dxcp.events.deployment.DeploymentCommands.SummarizePolicy;
import dev.dxcp.events.deployment.DeploymentCommands.ValidateDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.ValidationResult;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.PolicySnapshot;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * validate and policy summary: the deploy checks without consequences. Nothing is consumed or
 * recorded; validate fails on quota only when none is left and on concurrency when the lane is full
 * (api-contract §5), after the artifact and engine preflights.
 */
public class DeploymentValidationHandler {
    private final DeploymentPolicy policy;
    private final DeliveryConfigurationView configuration;
    private final SystemSettingsView settings;
    private final Repository<BuildVersion> builds;
    private final LaneGate lanes;
    private final ArtifactPreflight artifacts;
    private final EngineReadiness engine;

    public DeploymentValidationHandler(DeploymentPolicy policy, DeliveryConfigurationView configuration,
                                       SystemSettingsView settings, Repository<BuildVersion> builds, LaneGate lanes,
                                       ArtifactPreflight artifacts, EngineReadiness engine) {
        this.policy = policy;
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
        Resolution resolution = policy.resolve(intent.service(), intent.environment(), intent.version(),
                intent.recipeId(), configuration.current());
        BuildRecord build = AggregateCommands.read(builds,
                BuildMessages.buildVersionId(intent.service(), intent.version()), BuildVersion::new,
                BuildVersion::build);
        if (build == null) {
            throw DeploymentPolicy.versionNotFound(intent.service(), intent.version());
        }
        artifacts.check(build).ifPresent(refusal -> {
            throw refusal;
        });
        engine.check().ifPresent(refusal -> {
            throw refusal;
        });
        PolicySnapshot snapshot = snapshot(resolution, command.requestedAt().atZone(ZoneOffset.UTC).toLocalDate());
        if (snapshot.deploymentsRemaining() <= 0) {
            throw Guardrails.quotaExceeded("deploy", snapshot.dailyDeployQuota());
        }
        if (snapshot.currentConcurrentDeployments() >= snapshot.maxConcurrentDeployments()) {
            throw Guardrails.concurrencyReached(snapshot.maxConcurrentDeployments(),
                    snapshot.currentConcurrentDeployments());
        }
        return new ValidationResult(intent.service(), resolution.environment().id(), intent.version(),
                resolution.recipe().id(), resolution.group().id(), snapshot);
    }

    @CommandHandler
    public PolicySummaryResult handle(SummarizePolicy command) {
        DeliveryConfigurationState config = configuration.current();
        Resolution resolution = policy.resolve(command.service(), command.environment(), null, command.recipeId(),
                config);
        PolicySnapshot snapshot = snapshot(resolution, command.requestedAt().atZone(ZoneOffset.UTC).toLocalDate());
        return new PolicySummaryResult(command.service(), resolution.environment().id(), resolution.group().id(),
                resolution.recipe(), resolution.route(), snapshot);
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
