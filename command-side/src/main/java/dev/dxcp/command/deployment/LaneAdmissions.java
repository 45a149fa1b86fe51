package dev.dxcp.command.deployment;

import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.events.deployment.DeploymentKind;

import java.util.function.BooleanSupplier;

/** Makes the quota step of a deployment into a resolved lane, with the guardrails in force (governance §7). */
public class LaneAdmissions {
    private final LaneGate lanes;
    private final SystemSettingsView settings;

    public LaneAdmissions(LaneGate lanes, SystemSettingsView settings) {
        this.lanes = lanes;
        this.settings = settings;
    }

    /** A deploy or promotion spends the target lane's deploy quota; a rollback its rollback quota. */
    public LaneAdmission into(Resolution resolution, String deploymentId, DeploymentKind kind,
                              BooleanSupplier takePlace) {
        int quota = kind == DeploymentKind.ROLLBACK ? resolution.guardrails().dailyRollbackQuota()
                : resolution.guardrails().dailyDeployQuota();
        return new LaneAdmission(lanes, resolution.laneId(), deploymentId, kind,
                resolution.guardrails().maxConcurrentDeployments(), quota,
                settings.current().rateLimits().value().dailyQuotaBuildRegister(), takePlace);
    }
}
