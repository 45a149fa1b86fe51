package dev.dxcp.command.deployment;

import dev.dxcp.command.admission.AdmissionPipeline;
import dev.dxcp.command.admission.AdmissionTicket;
import dev.dxcp.command.admission.Decided;
import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.common.AggregateCommands;
import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.governance.OwnerScope;
import dev.dxcp.events.build.BuildMessages;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.DeploymentCommands.RequestRollback;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;

/**
 * A rollback request (governance §5 rollback, §11). Its own rule: the target exists and is not itself a
 * rollback, owner scope (docs/GOVERNANCE.md), the same policy and compatibility as a deploy of the target's
 * recipe; then admission (replay, rate, a freeze window that holds rollbacks, the lane's rollback quota and
 * concurrency); then a prior successful version and an engine
 * application. The new record returns the service to the prior success's version; the target is never
 * modified.
 */
public class RollbackRequestHandler {
    /** Rollbacks carry no body: the path names the target, so every retry under a key is the same request. */
    static final String FINGERPRINT = "rollback";

    private final DeploymentPolicy policy;
    private final DeliveryConfigurationView configuration;
    private final Repository<Deployment> deployments;
    private final Repository<BuildVersion> builds;
    private final PriorSuccess priorSuccess;
    private final AdmissionPipeline admission;
    private final LaneAdmissions lanes;
    private final DenialRecorder denials;
    private final AcceptedDeployments accepted;
    private final OwnerScope ownerScope;
    private final FreezeGate freeze;

    public RollbackRequestHandler(DeploymentPolicy policy, DeliveryConfigurationView configuration,
                                  Repository<Deployment> deployments, Repository<BuildVersion> builds,
                                  PriorSuccess priorSuccess, AdmissionPipeline admission, LaneAdmissions lanes,
                                  DenialRecorder denials, AcceptedDeployments accepted, OwnerScope ownerScope,
                                  FreezeGate freeze) {
        this.ownerScope = ownerScope;
        this.freeze = freeze;
        this.policy = policy;
        this.configuration = configuration;
        this.deployments = deployments;
        this.builds = builds;
        this.priorSuccess = priorSuccess;
        this.admission = admission;
        this.lanes = lanes;
        this.denials = denials;
        this.accepted = accepted;
    }

    @CommandHandler
    public AdmissionOutcome handle(RequestRollback command) {
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
            ownerScope.check(config.groupOf(target.service()).or(() -> config.group(target.deliveryGroupId())),
                    command.actor());
            String recipeId = target.recipeId() == null ? "default" : target.recipeId();
            resolution = policy.resolve(target.service(), target.environment(), null, recipeId, config);
        } catch (Rejection refused) {
            return deny(command, target, groupId, refused);
        }
        AdmissionTicket ticket = new AdmissionTicket(command.idempotency(), FINGERPRINT,
                command.actor().actorId(), command.deploymentId(), command.requestedAt(),
                new Rejection(ErrorCode.IDEMPOTENCY_CONFLICT, "Idempotency-Key was already used for a different "
                        + "rollback"));
        EngineTarget engine = EngineTargets.rollback(resolution.recipe());
        Prior prior = new Prior(target);
        LaneAdmission lane = lanes.into(resolution, command.deploymentId(), DeploymentKind.ROLLBACK,
                () -> prior.get().isPresent() && engine != null);
        FreezeGate.Change change = new FreezeGate.Change(DeploymentKind.ROLLBACK, command.deploymentId(),
                target.service(), resolution, command.actor(), command.freezeOverride(), command.requestedAt());
        return admission.admit(ticket, freeze.around(lane, change), pass -> {
            if (prior.get().isEmpty()) {
                return Decided.denied(new Rejection(ErrorCode.NO_PRIOR_SUCCESSFUL_VERSION,
                        "No earlier successful deployment of this service and environment to roll back to"));
            }
            if (engine == null) {
                return Decided.denied(new Rejection(ErrorCode.MISSING_SPINNAKER_TARGET,
                        "The recipe has no engine rollback pipeline to call", "Recipe " + resolution.recipe().id()
                        + " lacks spinnaker_application or rollback_pipeline", null));
            }
            String version = prior.get().get().version();
            BuildRecord build = AggregateCommands.read(builds, BuildMessages.buildVersionId(target.service(),
                    version), BuildVersion::new, BuildVersion::build);
            return accepted.rollback(command, target, resolution, engine, version, build, pass.policy());
        }, refused -> deny(command, target, groupId, refused));
    }

    /** The version to return to (governance §11), asked once, after the rate step and before the lane. */
    private final class Prior {
        private final DeploymentAccepted target;
        private Optional<DeploymentRecord> found;

        Prior(DeploymentAccepted target) {
            this.target = target;
        }

        Optional<DeploymentRecord> get() {
            if (found == null) {
                found = priorSuccess.before(target.service(), target.environment(), target.deploymentId());
            }
            return found;
        }
    }

    private AdmissionOutcome deny(RequestRollback command, DeploymentAccepted target, String groupId,
                                  Rejection refused) {
        return denials.deny(DeploymentKind.ROLLBACK, target.service(), target.environment(), groupId,
                target.deploymentId(), refused, command.requestedAt());
    }
}
