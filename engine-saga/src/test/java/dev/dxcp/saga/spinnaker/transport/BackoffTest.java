package dev.dxcp.saga.spinnaker.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential backoff with equal jitter, capped. */
class BackoffTest {

    private final RetrySettings settings = new RetrySettings(5, Duration.ofMillis(100), Duration.ofMillis(500));

    @Test
    void delayDoublesPerRetryAndIsCapped() {
        Backoff noJitter = new Backoff(settings, () -> 1.0);

        assertThat(noJitter.delayBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(noJitter.delayBeforeRetry(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(noJitter.delayBeforeRetry(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(noJitter.delayBeforeRetry(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(noJitter.delayBeforeRetry(40)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterKeepsAtLeastHalfTheDelay() {
        Backoff fullJitter = new Backoff(settings, () -> 0.0);

        assertThat(fullJitter.delayBeforeRetry(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(new Backoff(settings, () -> 0.5).delayBeforeRetry(2)).isEqualTo(Duration.ofMillis(150));
    }
}
