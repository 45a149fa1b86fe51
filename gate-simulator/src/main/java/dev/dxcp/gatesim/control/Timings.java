package dev.dxcp.gatesim.control;

import java.time.Duration;

/**
 * How long simulated work takes.
 *
 * @param startDelay     from trigger (buildTime) to RUNNING
 * @param stageDelay     how long one task takes to reach its result
 * @param webhookTimeout how long a webhook task retries a 5xx before Orca times it out (real: 5 min)
 * @param cancelDelay    from a cancel request to the running tasks noticing it
 */
public record Timings(Duration startDelay, Duration stageDelay, Duration webhookTimeout, Duration cancelDelay) {

    public Timings {
        requireNotNegative(startDelay, "startDelay");
        requireNotNegative(stageDelay, "stageDelay");
        requireNotNegative(webhookTimeout, "webhookTimeout");
        requireNotNegative(cancelDelay, "cancelDelay");
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
    }

    public long stageMillis() {
        return stageDelay.toMillis();
    }
}
