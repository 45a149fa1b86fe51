package dev.dxcp.query.insights;

import dev.dxcp.events.insights.InsightsQueries.DoraMeasures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four DORA measures (definitions in docs/INSIGHTS.md). A "change" is a deploy or promotion (a
 * record without rollbackOf); rollbacks restore service but are not changes. Only terminal records
 * count, at the time they finished.
 */
final class DoraCalculator {
    private DoraCalculator() {
    }

    /**
     * @param rows every record of the scope that finished up to the window's end (older ones are
     *             needed to know whether an incident was already open when the window began)
     */
    static DoraMeasures of(List<InsightRow> rows, Instant windowStart, Instant windowEnd, double windowDays) {
        List<InsightRow> finished = rows.stream().filter(InsightRow::terminal)
                .filter(r -> !r.finishedAt().isAfter(windowEnd))
                .sorted(Comparator.comparing(InsightRow::finishedAt).thenComparing(InsightRow::createdAt)
                        .thenComparing(InsightRow::id))
                .toList();
        List<InsightRow> inWindow = finished.stream().filter(r -> !r.finishedAt().isBefore(windowStart)).toList();

        List<InsightRow> successes = inWindow.stream().filter(r -> !r.isRollback() && r.succeeded()).toList();
        List<Double> leadTimes = successes.stream().filter(r -> r.builtAt() != null)
                .map(r -> seconds(r.builtAt(), r.finishedAt())).toList();

        List<InsightRow> changes = inWindow.stream().filter(r -> !r.isRollback() && !r.state().equals("CANCELED"))
                .toList();
        long failed = changes.stream().filter(DoraCalculator::failedChange).count();

        Restores restores = restores(finished, windowStart);
        return new DoraMeasures(successes.size(), FailureInsightsCalculator.round4(successes.size() / windowDays),
                leadTimes.size(), median(leadTimes), mean(leadTimes),
                failed, changes.size(), changes.isEmpty() ? 0.0 : FailureInsightsCalculator.round4(
                (double) failed / changes.size()),
                restores.incidents, restores.durations.size(), median(restores.durations), mean(restores.durations));
    }

    /** Failed, rolled back by the engine, or succeeded and later rolled back by DXCP. */
    static boolean failedChange(InsightRow row) {
        return row.state().equals("FAILED") || row.state().equals("ROLLED_BACK")
                || row.succeeded() && row.rolledBackBy() != null;
    }

    /**
     * Per service and environment, in the order records finished: an incident opens at the first failed
     * change after a good state and closes at the next success that is not itself a failed change (a
     * rollback or a good deploy). Incidents are counted when they open inside the window.
     */
    private static Restores restores(List<InsightRow> finishedInOrder, Instant windowStart) {
        Map<String, Instant> open = new LinkedHashMap<>();
        Restores restores = new Restores();
        for (InsightRow row : finishedInOrder) {
            String scope = row.service() + "\u0000" + row.environment();
            boolean bad = !row.isRollback() && failedChange(row);
            if (bad) {
                if (!open.containsKey(scope)) {
                    open.put(scope, row.finishedAt());
                    if (!row.finishedAt().isBefore(windowStart)) {
                        restores.incidents++;
                    }
                }
            } else if (row.succeeded() && open.containsKey(scope)) {
                Instant started = open.remove(scope);
                if (!started.isBefore(windowStart)) {
                    restores.durations.add(seconds(started, row.finishedAt()));
                }
            }
        }
        return restores;
    }

    private static final class Restores {
        long incidents;
        final List<Double> durations = new ArrayList<>();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double value = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Math.round(value * 1000) / 1000.0;
    }

    static Double mean(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return Math.round(mean * 1000) / 1000.0;
    }
}
