package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentState;

/** The displayed outcome of domain §5, derived at read time and never written back. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * @param rolledBackBy the id of a SUCCEEDED rollback of this record, if any
     * @param runningId    the scope's latest success (CurrentRunningState), if any
     */
    public static String displayed(DeploymentState state, String id, String rolledBackBy, String runningId) {
        if (!state.terminal()) {
            return null;
        }
        if (state != DeploymentState.SUCCEEDED) {
            return state.name();
        }
        if (rolledBackBy != null) {
            return "ROLLED_BACK";
        }
        return id.equals(runningId) ? "SUCCEEDED" : "SUPERSEDED";
    }
}
