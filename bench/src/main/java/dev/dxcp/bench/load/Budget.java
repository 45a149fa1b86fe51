package dev.dxcp.bench.load;

import java.time.Duration;

/** When a load phase stops: after a number of requests, or after a time. */
public record Budget(long requests, Duration duration) {

    public static Budget requests(long count) {
        return new Budget(count, null);
    }

    public static Budget duration(Duration duration) {
        return new Budget(Long.MAX_VALUE, duration);
    }

    public String text() {
        return duration == null ? requests + " requests" : duration.toSeconds() + " s";
    }
}
