package dev.dxcp.saga.spinnaker.transport;

import java.time.Duration;

/**
 * Told about every finished call to the engine, so a host can count outcomes and latencies without
 * this adapter depending on a metrics library.
 *
 * @param operation what was asked: trigger, execution, cancel, search, applications, pipelines, health
 * @param outcome   the HTTP status class ({@code 2xx}, {@code 4xx}, {@code 5xx}, ...) or, when no answer
 *                  came, the contract's error code (e.g. {@code ENGINE_TIMEOUT}, {@code ENGINE_UNAVAILABLE})
 */
@FunctionalInterface
public interface GateCallObserver {
    GateCallObserver NONE = (operation, outcome, latency) -> {
    };

    void completed(String operation, String outcome, Duration latency);
}
