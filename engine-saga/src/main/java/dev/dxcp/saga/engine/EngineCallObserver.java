package dev.dxcp.saga.engine;

import java.time.Duration;

/**
 * Told about every finished call to the engine, so the host counts outcomes and latencies without knowing
 * the engine's client: the engine adapter's side of the server's engine call metrics.
 *
 * @param operation what was asked: trigger, execution, cancel, search, applications, pipelines, health
 * @param outcome   the HTTP status class ({@code 2xx}, {@code 4xx}, {@code 5xx}, ...) or, when no answer
 *                  came, the contract's error code (e.g. {@code ENGINE_TIMEOUT}, {@code ENGINE_UNAVAILABLE})
 */
@FunctionalInterface
public interface EngineCallObserver {
    void completed(String operation, String outcome, Duration latency);
}
