package dev.dxcp.command.world;

import dev.dxcp.command.build.ArtifactLimits;
import dev.dxcp.command.build.ArtifactSourceRules;
import dev.dxcp.command.build.BuildRegistrationHandler;
import dev.dxcp.command.build.BuildRegistrationPolicy;
import dev.dxcp.command.build.UploadCapabilityHandler;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.deployment.AcceptedDeployments;
import dev.dxcp.command.deployment.ApprovalDecisionHandler;
import dev.dxcp.command.deployment.AutomaticRollbackHandler;
import dev.dxcp.command.deployment.DenialRecorder;
import dev.dxcp.command.deployment.DeploymentPolicy;
import dev.dxcp.command.deployment.DeploymentSubmissionHandler;
import dev.dxcp.command.deployment.FreezeGate;
import dev.dxcp.command.deployment.LaneAdmissions;
import dev.dxcp.command.deployment.LaneGate;
import dev.dxcp.command.deployment.PromotionPolicy;
import dev.dxcp.command.deployment.PromotionSubmissionHandler;
import dev.dxcp.command.deployment.RegisteredBuilds;
import dev.dxcp.command.deployment.RollForwardRule;
import dev.dxcp.command.deployment.RollbackRequestHandler;
import dev.dxcp.command.governance.ApprovalGate;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.command.governance.OwnerScope;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.command.settings.SettingsDefaults;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentBindingSet;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.ServiceRouteSet;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.registry.ServiceEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.dxcp.events.build.BuildMessages.buildVersionId;
import static dev.dxcp.events.configuration.ConfigurationEvents.CONFIGURATION_ID;

/**
 * The coordinating handlers of every governed write, wired as the server wires them, over a small delivery
 * configuration: group {@code payments} holds {@code svc-a} and may use the environments {@code sandbox}
 * (order 1) and {@code staging} (order 2) and the recipes {@code standard} and {@code bare} (no engine
 * application). {@code canary} exists but is not the group's; {@code svc-b} is in the registry but in
 * no group. Builds of svc-a are registered by the givens that need them.
 */
public class DeliveryWorld extends CommandWorld {
    public static final String GROUP = "payments";
    public static final String SERVICE = "svc-a";
    public static final String UNGROUPED = "svc-b";
    public static final String ARTIFACT_BUCKET = "dxcp-artifacts";

    private final ServiceRegistry registry = () -> List.of(
            new ServiceEntry(SERVICE, List.of(), List.of("standard", "bare"), List.of(), null, null, null),
            new ServiceEntry(UNGROUPED, List.of(), List.of("standard"), List.of(), null, null, null));
    private final DeliveryConfigurationView configuration = new DeliveryConfigurationView(store);
    private final SystemSettingsView settings = new SystemSettingsView(store, SettingsDefaults.standard());
    private final DeploymentPolicy policy = new DeploymentPolicy(registry);
    private final RegisteredBuilds registered = new RegisteredBuilds(buildVersions);
    private final DenialRecorder denials = new DenialRecorder(store);
    private final LaneGate laneGate = new LaneGate(lanes, deployments, Duration.ofMinutes(15));
    private final LaneAdmissions laneAdmissions = new LaneAdmissions(laneGate, settings);
    private final AcceptedDeployments accepted = new AcceptedDeployments(deployments);
    public final ChangeGovernanceView governance = new ChangeGovernanceView(store);
    private final OwnerScope ownerScope = new OwnerScope(governance);
    private final FreezeGate freeze = new FreezeGate(governance, store);
    private final RollForwardRule rollForward = new RollForwardRule(pipeline, laneAdmissions, accepted, freeze,
            new ApprovalGate(governance));
    private final BuildRegistrationPolicy buildPolicy = new BuildRegistrationPolicy(registry,
            new ArtifactSourceRules(Set.of("s3"), ARTIFACT_BUCKET),
            new ArtifactLimits(ArtifactLimits.DEFAULT_MAX_SIZE_BYTES, Set.of("application/zip")));

    /** (service, environment, version) that succeeded, for promotions' source check. */
    private final Set<List<String>> succeeded = new HashSet<>();
    /** What a rollback returns to; empty when there is no earlier success. */
    private Optional<DeploymentRecord> prior = Optional.empty();

    public final DeploymentSubmissionHandler deploys = new DeploymentSubmissionHandler(policy, configuration,
            registered, denials, rollForward, ownerScope);
    public final PromotionSubmissionHandler promotions = new PromotionSubmissionHandler(
            new PromotionPolicy(policy, registered, (service, environment, version) ->
                    succeeded.contains(List.of(service, environment, version)), false),
            configuration, denials, rollForward, ownerScope);
    public final RollbackRequestHandler rollbacks = new RollbackRequestHandler(policy, configuration, deployments,
            buildVersions, (service, environment, target) -> prior, pipeline, laneAdmissions, denials, accepted,
            ownerScope, freeze);
    public final BuildRegistrationHandler builds = new BuildRegistrationHandler(pipeline, actorQuotas,
            buildVersions, capabilities, buildPolicy, settings);
    public final AutomaticRollbackHandler automaticRollbacks = new AutomaticRollbackHandler(deployments, governance,
            (service, environment, target) -> prior, rollbacks);
    public final ApprovalDecisionHandler approvals = new ApprovalDecisionHandler(deployments, laneGate);
    public final UploadCapabilityHandler uploads = new UploadCapabilityHandler(pipeline, actorQuotas, capabilities,
            buildPolicy, Duration.ofMinutes(15));

    public DeliveryWorld() {
        this(new Guardrails(null, null, null));
    }

    /** The group's guardrails: max concurrent deployments, daily deploy quota, daily rollback quota. */
    public DeliveryWorld(Guardrails guardrails) {
        List<Object> events = new ArrayList<>();
        events.add(new RecipeCreated(recipe("standard", "dxcp-demo")));
        events.add(new RecipeCreated(recipe("bare", null)));
        events.add(new RecipeCreated(recipe("canary", "dxcp-demo")));
        events.add(new EnvironmentCreated(environment("sandbox")));
        events.add(new EnvironmentCreated(environment("staging")));
        events.add(new EnvironmentCreated(environment("production")));
        events.add(new DeliveryGroupCreated(group(guardrails, List.of("standard", "bare"))));
        events.add(new EnvironmentBindingSet(null, new EnvironmentBinding(GROUP, "sandbox", true, 1), T0));
        events.add(new EnvironmentBindingSet(null, new EnvironmentBinding(GROUP, "staging", true, 2), T0));
        events.add(new ServiceRouteSet(null, new ServiceRoute(SERVICE, "sandbox", "standard"), T0));
        events.add(new ServiceRouteSet(null, new ServiceRoute(SERVICE, "staging", "standard"), T0));
        given(CONFIGURATION_ID, events.toArray());
    }

    /** A build of svc-a registered earlier. */
    public DeliveryWorld givenRegistered(String version) {
        String id = buildVersionId(SERVICE, version);
        return (DeliveryWorld) given(id, new BuildRegistered(id, build(version)));
    }

    /** A deployment that has finished successfully: no longer in flight. */
    public DeliveryWorld givenSucceeded(String deploymentId) {
        return (DeliveryWorld) given(deploymentId, new DeploymentSucceeded(deploymentId, T0.plusSeconds(30)));
    }

    /** The version succeeded in the environment (what the history read model answers promotions). */
    public DeliveryWorld givenSucceededIn(String environment, String version) {
        succeeded.add(List.of(SERVICE, environment, version));
        return this;
    }

    /** The earlier success a rollback returns to (what the history read model answers rollbacks). */
    public DeliveryWorld givenPriorSuccess(DeploymentRecord record) {
        prior = Optional.of(record);
        return this;
    }

    public static BuildRecord build(String version) {
        return new BuildRecord("build-" + version, SERVICE, version,
                "s3://" + ARTIFACT_BUCKET + "/" + SERVICE + "-" + version + ".zip", "abc123", "main", "ci", "github",
                "run-1", T0, "a".repeat(64), 1024L, "application/zip", null, null, null, null, null, T0);
    }

    /** The group with these guardrails and recipes. */
    public static DeliveryGroup group(Guardrails guardrails, List<String> recipes) {
        return new DeliveryGroup(GROUP, "Payments", null, null, List.of(SERVICE), List.of("sandbox", "staging"),
                recipes, guardrails, T0, "admin", T0, "admin", null);
    }

    /** A recipe whose pipelines run in {@code application} (none when null). */
    public static Recipe recipe(String id, String application) {
        return new Recipe(id, id, null, application, "deploy-" + id, "rollback-" + id, 1, id + " behaviour",
                Recipe.ACTIVE, T0, "admin", T0, "admin", null);
    }

    public static Environment environment(String id) {
        return new Environment(id, id, "non_prod", Environment.ACTIVE, null, T0, T0);
    }
}
