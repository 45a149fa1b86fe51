package dev.dxcp.saga.spinnaker.transport;

import java.time.Duration;

/**
 * Bounded retries for idempotent engine calls: at most {@code maxRetries} extra attempts, waiting
 * {@code initialBackoff} doubled per attempt, capped at {@code maxBackoff}, with jitter (see {@link Backoff}).
 */
public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    public RetrySettings {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10");
        }
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(2) : maxBackoff;
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be non-negative and maxBackoff >= initialBackoff");
        }
    }

    public static RetrySettings defaults() {
        return new RetrySettings(2, Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    public static RetrySettings none() {
        return new RetrySettings(0, Duration.ZERO, Duration.ZERO);
    }
}
