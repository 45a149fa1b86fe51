package dev.dxcp.events.deployment;

import java.time.Instant;

/** The failure of a deployment whose lock went stale: no terminal status seen in time (domain §4, wording ours). */
public final class StaleLocks {
    private StaleLocks() {
    }

    public static FailureModel failure(Instant observedAt) {
        return new FailureModel(FailureCategory.INFRASTRUCTURE,
                "Lock expired because the deployment stayed in progress too long",
                "No terminal status was seen before the timeout", "Check engine health, then retry", observedAt);
    }
}
