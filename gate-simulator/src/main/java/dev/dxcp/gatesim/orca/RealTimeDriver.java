package dev.dxcp.gatesim.orca;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Moves the engine along with the wall clock for demos and standalone use: it sleeps until the
 * engine's next due time (or until something changes) instead of polling, so a zero-delay
 * execution completes right after its trigger and an idle simulator costs nothing.
 */
public final class RealTimeDriver implements AutoCloseable {

    private final ExecutionEngine engine;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pending;
    private long pendingAt = Long.MAX_VALUE;

    public RealTimeDriver(ExecutionEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gate-sim-engine");
            thread.setDaemon(true);
            return thread;
        });
        engine.onChange(this::wake);
    }

    /** Something changed: make sure the engine runs no later than its (possibly earlier) next due time. */
    public void wake() {
        scheduleAt(clock.millis());
    }

    private synchronized void scheduleAt(long when) {
        if (scheduler.isShutdown() || (pending != null && !pending.isDone() && pendingAt <= when)) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pendingAt = when;
        pending = scheduler.schedule(this::run, Math.max(0, when - clock.millis()), TimeUnit.MILLISECONDS);
    }

    private void run() {
        synchronized (this) {
            pendingAt = Long.MAX_VALUE;
        }
        try {
            engine.advanceTo(clock.millis());
        } finally {
            long next = engine.nextDue();
            if (next != Long.MAX_VALUE) {
                scheduleAt(next);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
