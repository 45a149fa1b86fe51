package dev.dxcp.bench.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PhaseResultTest {

    @Test
    void rateCountsOnlySuccessfulRequestsOverTheWallTime() {
        PhaseResult result = new PhaseResult("p", 16, 3_000, Map.of(500, 20L), 1_500_000_000L,
                LatencySummary.newHistogram(), List.of());

        assertThat(result.perSecond()).isCloseTo(2_000, within(0.001));
        assertThat(result.failed()).isEqualTo(20);
    }

    @Test
    void aPhaseWithoutWallTimeHasNoRate() {
        PhaseResult result = new PhaseResult("p", 1, 5, Map.of(), 0, LatencySummary.newHistogram(), List.of());

        assertThat(result.perSecond()).isNaN();
    }

    @Test
    void failuresAreListedByStatusWithConnectionFailuresNamedIo() {
        PhaseResult result = new PhaseResult("p", 16, 10, Map.of(500, 3L, 0, 1L, 429, 2L), 1,
                LatencySummary.newHistogram(), List.of());

        assertThat(result.failureText()).isEqualTo("(failed: I/O×1, 429×2, 500×3)");
    }

    @Test
    void aPhaseWithoutFailuresSaysNothingAboutThem() {
        PhaseResult result = new PhaseResult("p", 16, 10, Map.of(), 1, LatencySummary.newHistogram(), List.of());

        assertThat(result.failureText()).isEmpty();
    }
}
