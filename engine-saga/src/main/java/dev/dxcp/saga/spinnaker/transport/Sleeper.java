package dev.dxcp.saga.spinnaker.transport;

import java.time.Duration;

/** Waits between retries; replaceable so tests can count waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
