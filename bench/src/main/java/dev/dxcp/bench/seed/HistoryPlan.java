package dev.dxcp.bench.seed;

import dev.dxcp.bench.setup.Topology;

import java.time.Duration;
import java.time.Instant;

/**
 * How much past to seed: {@code deployments} deployment records, each of a build registered a few
 * minutes earlier, spread evenly over the {@code days} before {@code until} across the history groups.
 *
 * @param failedEvery every n-th deployment fails (the rest succeed), so outcomes are not all alike
 * @param engineBaseUrl where the seeded executions claim to have run
 */
public record HistoryPlan(Topology topology, int deployments, int days, Instant until, int failedEvery,
                          int ciActors, int owners, String engineBaseUrl, long randomSeed) {

    /** Events one seeded deployment writes: build (3) and deploy (lane 3, deployment 3, key 1). */
    public static final int EVENTS_PER_DEPLOYMENT = 10;

    public long events() {
        return (long) deployments * EVENTS_PER_DEPLOYMENT;
    }

    Instant from() {
        return until.minus(Duration.ofDays(days));
    }
}
