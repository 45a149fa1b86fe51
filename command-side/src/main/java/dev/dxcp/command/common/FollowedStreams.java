package dev.dxcp.command.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the in-memory views ({@link AggregateStreamView}) current with what other server instances append: every {@code period} each
 * view's catch-up runs (one indexed query that finds nothing most of the time). A change made on another
 * instance therefore applies here within one period plus the query (decision 150). One daemon thread.
 */
public class FollowedStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FollowedStreams.class);

    private final ScheduledExecutorService timer;
    private volatile boolean failing;

    public FollowedStreams(List<Runnable> catchUps, Duration period) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dxcp-followed-streams");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, period.toMillis());
        timer.scheduleWithFixedDelay(() -> catchUps.forEach(this::catchUp), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void catchUp(Runnable catchUp) {
        try {
            catchUp.run();
            if (failing) {
                failing = false;
                log.info("event=followed_streams_recovered");
            }
        } catch (RuntimeException e) {
            // A database outage: requests keep the last state; the outage is logged once, not every period.
            if (!failing) {
                failing = true;
                log.warn("event=followed_streams_failing reason=\"{}\"", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
