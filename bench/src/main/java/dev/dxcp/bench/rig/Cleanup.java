package dev.dxcp.bench.rig;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the benchmark started, stopped in reverse order exactly once: at the normal end, or from
 * the shutdown hook when the run is interrupted (Ctrl-C, SIGTERM) or fails. Children must never outlive
 * the benchmark: a leftover server or PostgreSQL would skew the next engineer's measurements.
 */
public final class Cleanup {
    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean done;

    private record Step(String what, AutoCloseable resource) {
    }

    public Cleanup() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::runAll, "bench-cleanup"));
    }

    public synchronized <T extends AutoCloseable> T add(String what, T resource) {
        if (done) {
            closeQuietly(new Step(what, resource));
            throw new IllegalStateException("the benchmark is shutting down");
        }
        steps.push(new Step(what, resource));
        return resource;
    }

    /** Closes one resource now (e.g. a server restarted mid-run) and forgets it. */
    public synchronized void closeNow(AutoCloseable resource) {
        steps.removeIf(step -> step.resource() == resource);
        closeQuietly(new Step("early close", resource));
    }

    public synchronized void runAll() {
        if (done) {
            return;
        }
        done = true;
        while (!steps.isEmpty()) {
            closeQuietly(steps.pop());
        }
    }

    private static void closeQuietly(Step step) {
        try {
            step.resource().close();
        } catch (Exception e) {
            System.err.println("cleanup: could not stop " + step.what() + ": " + e);
        }
    }
}
