package dev.dxcp.gatesim.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to. Giving one to {@link GateSimulatorConfig} puts the
 * simulator in stepped mode: executions progress only on {@link GateSimulator#advance(Duration)}
 * or {@link GateSimulator#tick()}, so tests never sleep.
 */
public final class SimulatedClock extends Clock {

    private final AtomicLong millis;

    public SimulatedClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    /** Starts at a fixed, recognisable instant (2024-11-18T12:00:00Z) so recorded times are stable. */
    public static SimulatedClock startingAtFixedInstant() {
        return new SimulatedClock(Instant.parse("2024-11-18T12:00:00Z"));
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A clock cannot go backwards: " + duration);
        }
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("The simulated clock is UTC only");
        }
        return this;
    }
}
