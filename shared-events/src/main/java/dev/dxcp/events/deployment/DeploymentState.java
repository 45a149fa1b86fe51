package dev.dxcp.events.deployment;

/**
 * States of a deployment record (domain §2), and PENDING_APPROVAL: accepted under an approval policy, the
 * engine not yet started (docs/GOVERNANCE.md).
 */
public enum DeploymentState {
    PENDING, ACTIVE, IN_PROGRESS, SUCCEEDED, FAILED, CANCELED, ROLLED_BACK, PENDING_APPROVAL;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED || this == ROLLED_BACK;
    }

    /**
     * Only ACTIVE and IN_PROGRESS occupy a lane (domain §2, governance §9); PENDING does not. A deployment
     * waiting for approval holds the place it was admitted to, so approval never has to re-admit it.
     */
    public boolean inFlight() {
        return this == ACTIVE || this == IN_PROGRESS || this == PENDING_APPROVAL;
    }
}
