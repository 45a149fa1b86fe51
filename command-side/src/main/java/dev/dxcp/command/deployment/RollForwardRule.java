package dev.dxcp.command.deployment;

import dev.dxcp.command.admission.AdmissionPipeline;
import dev.dxcp.command.admission.AdmissionTicket;
import dev.dxcp.command.admission.Decided;
import dev.dxcp.command.admission.Denials;
import dev.dxcp.command.governance.ApprovalGate;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.DeploymentCommands.RollForwardRequest;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.idempotency.AdmissionOutcome;

/**
 * A request that rolls a registered build forward into an environment once its own checks passed — a
 * deploy, or a promotion into its target: held by a freeze window in force (docs/GOVERNANCE.md), else
 * admitted into the target lane (its deploy quota, governance §7),
 * then an engine pipeline for the recipe (step 15, refused without audit) and the record (step 16).
 */
public class RollForwardRule {
    private final AdmissionPipeline admission;
    private final LaneAdmissions lanes;
    private final AcceptedDeployments accepted;
    private final FreezeGate freeze;
    private final ApprovalGate approvals;

    public RollForwardRule(AdmissionPipeline admission, LaneAdmissions lanes, AcceptedDeployments accepted,
                           FreezeGate freeze, ApprovalGate approvals) {
        this.admission = admission;
        this.lanes = lanes;
        this.accepted = accepted;
        this.freeze = freeze;
        this.approvals = approvals;
    }

    /** What the record says beyond what policy resolved; {@code sourceEnvironment} only for promotions. */
    public record Forward(DeploymentKind kind, String service, String version, String sourceEnvironment,
                          String changeSummary) {
    }

    /** @param denials records the lane's refusals (DEPLOY_DENIED / PROMOTION_DENIED) */
    public AdmissionOutcome admit(RollForwardRequest request, Forward forward, Resolution resolution,
                                  BuildRecord build, Denials denials) {
        EngineTarget engine = EngineTargets.deploy(resolution.recipe());
        AdmissionTicket ticket = new AdmissionTicket(request.idempotency(), request.fingerprint(),
                request.actor().actorId(), request.deploymentId(), request.requestedAt(),
                new Rejection(ErrorCode.IDEMPOTENCY_CONFLICT, "Idempotency-Key was already used for a different "
                        + (forward.kind() == DeploymentKind.PROMOTE ? "promotion" : "deployment") + " intent"));
        LaneAdmission lane = lanes.into(resolution, request.deploymentId(), forward.kind(), () -> engine != null);
        FreezeGate.Change change = new FreezeGate.Change(forward.kind(), request.deploymentId(), forward.service(),
                resolution, request.actor(), request.freezeOverride(), request.requestedAt());
        return admission.admit(ticket, freeze.around(lane, change), pass -> {
            if (engine == null) {
                // Refused after the quota step: the unit it consumed stays consumed (governance §7).
                return Decided.refused(EngineTargets.missingApplication(resolution.recipe()));
            }
            return accepted.rollForward(request, forward, resolution, build, engine, pass.policy(),
                    approvals.requirementFor(resolution.group(), resolution.environment().id(), request.requestedAt())
                            .orElse(null));
        }, denials);
    }
}
