package dev.dxcp.events.deployment;

/** States of a deployment record (domain §2). */
public enum DeploymentState {
    PENDING, ACTIVE, IN_PROGRESS, SUCCEEDED, FAILED, CANCELED, ROLLED_BACK;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED || this == ROLLED_BACK;
    }

    /** Only ACTIVE and IN_PROGRESS occupy a lane (domain §2, governance §9); PENDING does not. */
    public boolean inFlight() {
        return this == ACTIVE || this == IN_PROGRESS;
    }
}
