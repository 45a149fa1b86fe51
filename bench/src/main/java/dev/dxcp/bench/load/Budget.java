package dev.dxcp.bench.load;

import java.time.Duration;

/** When a load phase stops: after a number of requests, after a time, or at whichever comes first. */
public record Budget(long requests, Duration duration) {

    public static Budget requests(long count) {
        return new Budget(count, null);
    }

    public static Budget duration(Duration duration) {
        return new Budget(Long.MAX_VALUE, duration);
    }

    /** At most {@code count} requests, and no longer than {@code duration}: keeps a slow run's length bounded. */
    public static Budget upTo(long count, Duration duration) {
        return new Budget(count, duration);
    }
}
