package dev.dxcp.query.operations;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;

import java.util.Map;

/**
 * Raised each time a tracking processor of this instance has moved its position: Axon calls it right after
 * a batch's unit of work has committed (projection rows and token together) and the processor's status shows
 * the new position, and also after a batch of events the processor does not handle. A writer waiting to read
 * its own write ({@link ReadYourWrites}) sleeps on it instead of polling the processors' status.
 *
 * <p>A generation counter, not a per-position future: a waiter notes the generation, checks the status, and
 * sleeps only while no advance happened since it looked, so an advance between the check and the sleep is
 * never missed.</p>
 */
public final class ProjectionProgressSignal implements EventTrackerStatusChangeListener {
    private long generation;

    @Override
    public synchronized void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> changed) {
        generation++;
        notifyAll();
    }

    /** Positions are what waiters wait for: without this Axon would only report claims and errors. */
    @Override
    public boolean validatePositions() {
        return true;
    }

    public synchronized long generation() {
        return generation;
    }

    /** Sleeps until a processor advances after {@code seen}, or for at most {@code maxNanos}. */
    public synchronized void awaitAdvanceAfter(long seen, long maxNanos) throws InterruptedException {
        long deadline = System.nanoTime() + maxNanos;
        long left = maxNanos;
        while (generation == seen && left > 0) {
            wait(Math.max(1, left / 1_000_000), 0);
            left = deadline - System.nanoTime();
        }
    }
}
