package dev.dxcp.bench.load;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one load phase did: successful requests with their latencies, failures by HTTP status (0 = the
 * connection failed), and the wall time from the common start to the last worker's end.
 *
 * @param failureSamples the first few failure answers, for the log when something goes wrong
 */
public record PhaseResult(String name, int concurrency, long succeeded, Map<Integer, Long> failures,
                          long wallNanos, Histogram latencyMicros, List<String> failureSamples) {

    public PhaseResult {
        failures = Map.copyOf(failures);
        failureSamples = List.copyOf(failureSamples);
    }

    /** Successful requests per second of wall time. */
    public double perSecond() {
        return wallNanos <= 0 ? Double.NaN : succeeded / (wallNanos / 1e9);
    }

    public LatencySummary latency() {
        return LatencySummary.of(latencyMicros);
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "", or "(failed: 429×3, 500×1)" for the table. */
    public String failureText() {
        if (failures.isEmpty()) {
            return "";
        }
        return new TreeMap<>(failures).entrySet().stream()
                .map(e -> (e.getKey() == 0 ? "I/O" : e.getKey().toString()) + "×" + e.getValue())
                .collect(Collectors.joining(", ", "(failed: ", ")"));
    }
}
