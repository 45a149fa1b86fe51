package dev.dxcp.saga.spinnaker.transport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code initial * 2^(n-1)} (capped at the maximum), so clients that failed together do not retry together.
 */
public final class Backoff {

    private final RetrySettings settings;
    private final DoubleSupplier random;

    public Backoff(RetrySettings settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    Backoff(RetrySettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** Delay before retry number {@code retry} (1 = first retry). */
    Duration delayBeforeRetry(int retry) {
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long exponential = retry >= 31 ? cap : Math.min(cap, initial * (1L << (retry - 1)));
        long half = exponential / 2;
        return Duration.ofMillis(half + Math.round(random.getAsDouble() * (exponential - half)));
    }
}
