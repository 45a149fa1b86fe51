package dev.dxcp.events.insights;

import java.time.Instant;
import java.util.List;

/** Questions about delivery performance, answered from the deployment and build read models. */
public final class InsightsQueries {
    private InsightsQueries() {
    }

    /** domain §10: records created in [windowStart, windowEnd]; null filters match everything. */
    public record FailureInsightsOf(Instant windowStart, Instant windowEnd, String groupId, String service) {
    }

    public record FailureInsights(long totalDeployments, long totalRollbacks, double rollbackRate,
                                  List<KeyCount> failuresByCategory, List<KeyCount> deploymentsByRecipe,
                                  List<KeyCount> deploymentsByGroup) {
    }

    public record KeyCount(String key, long count) {
    }

    /**
     * The four DORA measures over deployments that finished in the window (docs/INSIGHTS.md).
     *
     * @param groupBy null, or {@code service}, {@code group} or {@code environment} for a breakdown
     */
    public record DoraMetricsOf(Instant windowStart, Instant windowEnd, String service, String groupId,
                                String environment, String groupBy) {
    }

    public record DoraMetrics(DoraMeasures overall, List<DoraBreakdown> breakdown) {
    }

    public record DoraBreakdown(String key, DoraMeasures measures) {
    }

    /** Durations in seconds; p50 and mean are null when there is no sample. */
    public record DoraMeasures(long successfulDeployments, double deploymentsPerDay,
                               long leadTimeSamples, Double leadTimeP50Seconds, Double leadTimeMeanSeconds,
                               long failedChanges, long finishedChanges, double changeFailureRate,
                               long incidents, long restoredIncidents, Double timeToRestoreP50Seconds,
                               Double timeToRestoreMeanSeconds) {
    }

    /**
     * Change governance over the window (docs/GOVERNANCE.md): automatic rollbacks started and refused, and how
     * long deployments waited for approval (from acceptance to approval, rejection or expiry, for waits that
     * ended in the window). Null filters match everything.
     */
    public record GovernanceInsightsOf(Instant windowStart, Instant windowEnd, String service, String groupId,
                                       String environment) {
    }

    /** Durations in seconds; p50 and mean are null when no wait ended in the window. */
    public record GovernanceInsights(long automaticRollbacks, long automaticRollbacksRefused,
                                     long approvalWaitSamples, Double approvalWaitP50Seconds,
                                     Double approvalWaitMeanSeconds) {
    }
}
