package dev.dxcp.server.cluster;

import dev.dxcp.server.process.ServerProcess;

import java.util.function.BooleanSupplier;

/** Polls a condition that must become true within a bound; answers how long it took. */
final class Within {
    private Within() {
    }

    /** Milliseconds until the condition held; fails when it did not within one second. */
    static long oneSecond(BooleanSupplier condition) {
        return millis(1_000, condition);
    }

    static long millis(long bound, BooleanSupplier condition) {
        long started = System.nanoTime();
        while (true) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (elapsed > bound) {
                throw new AssertionError("not true within " + bound + " ms");
            }
            ServerProcess.sleep(20);
        }
    }
}
