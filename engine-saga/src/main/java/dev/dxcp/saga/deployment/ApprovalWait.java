package dev.dxcp.saga.deployment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the saga knows about a deployment that waits for approval (docs/GOVERNANCE.md "Approvals"): until
 * when it waits, read from its stream (the ApprovalRequested committed with its DeploymentAccepted), and
 * how to tell the command side that the time is up.
 */
public class ApprovalWait {
    private final Function<String, Optional<Instant>> pendingUntil;
    private final EngineCommands commands;
    private final Clock clock;

    /** @param pendingUntil the approval time limit of a deployment that waits for approval, else empty */
    public ApprovalWait(Function<String, Optional<Instant>> pendingUntil, EngineCommands commands, Clock clock) {
        this.pendingUntil = pendingUntil;
        this.commands = commands;
        this.clock = clock;
    }

    public Optional<Instant> pendingUntil(String deploymentId) {
        return pendingUntil.apply(deploymentId);
    }

    public void expire(String requestId, String deploymentId) {
        commands.approvalExpired(requestId, deploymentId, clock.instant());
    }
}
