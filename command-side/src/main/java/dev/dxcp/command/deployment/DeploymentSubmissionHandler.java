package dev.dxcp.command.deployment;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.deployment.RollForwardRule.Forward;
import dev.dxcp.command.governance.OwnerScope;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import org.axonframework.commandhandling.CommandHandler;

/**
 * A deploy intent after the edge's checks, decided in one unit of work in the order of governance §5:
 * 6 the service's group, then owner scope (docs/GOVERNANCE.md), 7–10 policy and compatibility, 11 version registered (the command side's truth: a build registered a
 * moment ago is deployable), then 12–16 as every roll-forward ({@link RollForwardRule}). Refusals from
 * step 6 on are recorded as DEPLOY_DENIED, except the key's, the rate's and the engine pipeline's.
 */
public class DeploymentSubmissionHandler {
    private final DeploymentPolicy policy;
    private final DeliveryConfigurationView configuration;
    private final RegisteredBuilds builds;
    private final DenialRecorder denials;
    private final RollForwardRule admission;
    private final OwnerScope ownerScope;

    public DeploymentSubmissionHandler(DeploymentPolicy policy, DeliveryConfigurationView configuration,
                                       RegisteredBuilds builds, DenialRecorder denials, RollForwardRule admission,
                                       OwnerScope ownerScope) {
        this.ownerScope = ownerScope;
        this.policy = policy;
        this.configuration = configuration;
        this.builds = builds;
        this.denials = denials;
        this.admission = admission;
    }

    @CommandHandler
    public AdmissionOutcome handle(SubmitDeployment command) {
        DeploymentIntent intent = command.intent();
        DeliveryConfigurationState config = configuration.current();
        String groupId = config.groupOf(intent.service()).map(DeliveryGroup::id).orElse(null);
        Resolution resolution;
        BuildRecord build;
        try {
            ownerScope.check(config.groupOf(intent.service()), command.actor());
            resolution = policy.resolve(intent.service(), intent.environment(), intent.version(),
                    intent.recipeId(), config);
            build = builds.registered(intent.service(), intent.version());
        } catch (Rejection refused) {
            return deny(command, groupId, refused);
        }
        Forward forward = new Forward(DeploymentKind.ROLL_FORWARD, intent.service(), intent.version(), null,
                intent.changeSummary());
        return admission.admit(command, forward, resolution, build, refused -> deny(command, groupId, refused));
    }

    private AdmissionOutcome deny(SubmitDeployment command, String groupId, Rejection refused) {
        return denials.deny(DeploymentKind.ROLL_FORWARD, command.intent().service(), command.intent().environment(),
                groupId, null, refused, command.requestedAt());
    }
}
