package dev.dxcp.events.deployment;

/** How a record came about (domain §1): a deploy, a rollback of an earlier record, or a promotion. */
public enum DeploymentKind {
    ROLL_FORWARD, ROLLBACK, PROMOTE
}
