package dev.dxcp.gatesim;

import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.gatesim.control.SimulatedClock;
import java.time.Duration;

/** A simulator on a simulated clock: start 100 ms after trigger, each task 1 s, webhook timeout 5 min. */
final class SteppedGate {

    static final Duration START = Duration.ofMillis(100);
    static final Duration STAGE = Duration.ofSeconds(1);

    private SteppedGate() {
    }

    static GateSimulatorConfig.Builder config() {
        return GateSimulatorConfig.builder()
                .clock(SimulatedClock.startingAtFixedInstant())
                .startDelay(START)
                .stageDelay(STAGE)
                .webhookTimeout(Duration.ofMinutes(5));
    }

    static GateSimulator start() {
        return GateSimulator.start(config().build());
    }
}
