package dev.dxcp.notify;

import java.time.Duration;

/**
 * Exponential back-off between attempts: the first retry after {@code first}, each next one after twice the
 * previous pause, never more than {@code max}; after {@code maxAttempts} attempts there is no next one.
 */
public record RetrySchedule(int maxAttempts, Duration first, Duration max) {

    /** @param attemptsMade attempts made so far (at least 1); empty when the delivery has failed for good */
    public java.util.Optional<Duration> pauseAfter(int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return java.util.Optional.empty();
        }
        int doublings = Math.min(attemptsMade - 1, 30);
        long millis = first.toMillis() << doublings;
        if (millis <= 0 || millis > max.toMillis()) {
            millis = max.toMillis();
        }
        return java.util.Optional.of(Duration.ofMillis(millis));
    }
}
