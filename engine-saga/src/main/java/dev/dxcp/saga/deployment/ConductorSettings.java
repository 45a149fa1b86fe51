package dev.dxcp.saga.deployment;

import java.time.Duration;

/**
 * Timing of the engine saga.
 *
 * @param firstPoll      delay before the first status poll after the trigger
 * @param maxPoll        the longest pause between polls (they back off from firstPoll)
 * @param heartbeat      a still-running deployment reports progress at least this often, so its
 *                       updatedAt shows a live engine and the stale-lock reaper leaves it alone
 * @param lockStale      no successful engine observation for this long fails the deployment (domain §4)
 * @param triggerRetries attempts before an unreachable engine refuses the trigger
 * @param settle         how long a trigger that got no answer (read timeout, gateway timeout) is given
 *                       to show up in Gate's execution search before DXCP searches again; Gate may
 *                       still be handling a request the client stopped waiting for
 */
public record ConductorSettings(Duration firstPoll, Duration maxPoll, Duration heartbeat, Duration lockStale,
                                int triggerRetries, Duration settle) {
    public static ConductorSettings defaults() {
        return new ConductorSettings(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(5),
                Duration.ofSeconds(900), 3, Duration.ofSeconds(15));
    }
}
