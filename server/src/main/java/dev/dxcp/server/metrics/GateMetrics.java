package dev.dxcp.server.metrics;

import dev.dxcp.saga.engine.EngineCallObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** Engine (Gate) calls by operation and outcome, with latency ({@code dxcp_gate_calls_seconds_*}). */
public final class GateMetrics implements EngineCallObserver {
    private final MeterRegistry registry;

    public GateMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(String operation, String outcome, Duration latency) {
        Timer.builder("dxcp.gate.calls").description("Calls to the execution engine, by operation and outcome")
                .tag("operation", operation).tag("outcome", outcome).register(registry).record(latency);
    }
}
