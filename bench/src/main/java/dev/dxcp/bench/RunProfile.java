package dev.dxcp.bench;

import java.time.Duration;

/**
 * How much a run does. The full run is sized to finish in well under half an hour on a 2-core machine
 * while still seeding a store of over a million events; the quick run only proves the harness works.
 *
 * @param writeLimit         the longest a write phase may run before its count is reached: on a slow or
 *                           busy machine the phase measures fewer requests instead of running for ever
 * @param historyDeployments seeded deployment records (10 events each, with their builds)
 * @param largeArtifactBytes  the size of the large artifacts registered one after another
 */
public record RunProfile(String label, int registrationWarmUp, int registrationsSingle, int registrationsConcurrent,
                         int deployWarmUp, int deploys, Duration writeLimit, Duration readWarmUp, Duration readDuration,
                         int historyDeployments, int historyDays, int liveGroups, int historyGroups,
                         int servicesPerHistoryGroup, Duration insertCeilingDuration, int ciActors, int owners,
                         int observers, long largeArtifactBytes, int largeRegistrations) {

    /** The concurrency of the concurrent phases (the targets are stated for 16 clients). */
    public static final int CONCURRENCY = 16;

    public static RunProfile full() {
        return new RunProfile("full", 500, 2_000, 20_000, 100, 3_000, Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                100_000, 30, 64, 50, 10, Duration.ofSeconds(15), 128, 64, 256, 500_000_000L, 3);
    }

    public static RunProfile quick() {
        return new RunProfile("quick", 100, 200, 1_000, 20, 200, Duration.ofSeconds(20), Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                5_000, 10, 32, 10, 5, Duration.ofSeconds(5), 128, 64, 256, 50_000_000L, 2);
    }
}
