package dev.dxcp.bench.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTest {

    @Test
    void percentilesOfOneToOneThousandMillisecondsAreTheFiftiethAndNinetyNinthValues() {
        Histogram micros = LatencySummary.newHistogram();
        for (int millis = 1; millis <= 1000; millis++) {
            micros.recordValue(millis * 1000L);
        }

        LatencySummary summary = LatencySummary.of(micros);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50Millis()).isCloseTo(500, within(0.5));
        assertThat(summary.p99Millis()).isCloseTo(990, within(1.0));
        assertThat(summary.maxMillis()).isCloseTo(1000, within(1.0));
    }

    @Test
    void onlyTheSlowestOnePercentLiesAboveTheNinetyNinthPercentile() {
        Histogram micros = LatencySummary.newHistogram();
        for (int i = 0; i < 990; i++) {
            micros.recordValue(2_000);
        }
        for (int i = 0; i < 10; i++) {
            micros.recordValue(80_000);
        }

        LatencySummary summary = LatencySummary.of(micros);

        assertThat(summary.p50Millis()).isCloseTo(2.0, within(0.01));
        assertThat(summary.p99Millis()).isCloseTo(2.0, within(0.01));
        assertThat(summary.maxMillis()).isCloseTo(80.0, within(0.1));
    }

    @Test
    void anEmptyHistogramHasNoPercentilesAndSaysSo() {
        LatencySummary summary = LatencySummary.of(LatencySummary.newHistogram());

        assertThat(summary.count()).isZero();
        assertThat(summary.p99Millis()).isNaN();
        assertThat(summary.text()).isEqualTo("no samples");
    }

    @Test
    void textShowsMedianAndNinetyNinthPercentileWithSensibleDigits() {
        LatencySummary summary = new LatencySummary(10, 0.42, 12.6, 30);

        assertThat(summary.text()).isEqualTo("p50 0.42 ms · p99 13 ms");
    }
}
