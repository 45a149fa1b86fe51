package dev.dxcp.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one set of latencies, in milliseconds. Latencies are recorded in microseconds with
 * three significant digits, so a p99 of 12.3 ms is exact to about 0.01 ms.
 */
public record LatencySummary(long count, double p50Millis, double p99Millis, double maxMillis) {

    /** Highest latency the histograms can hold: anything slower is a broken run, not a measurement. */
    public static final long HIGHEST_MICROS = 300_000_000L;

    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()));
    }

    /** "p50 3.1 ms · p99 12 ms", the way the table shows latencies. */
    public String text() {
        if (count == 0) {
            return "no samples";
        }
        return "p50 " + Numbers.millis(p50Millis) + " · p99 " + Numbers.millis(p99Millis);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
