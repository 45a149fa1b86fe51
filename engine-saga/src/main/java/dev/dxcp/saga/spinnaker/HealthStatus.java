package dev.dxcp.saga.spinnaker;

import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import dev.dxcp.saga.spinnaker.transport.EngineErrorCode;

/**
 * The engine's health as seen from DXCP: UP on any 2xx from {@code GET /health} (domain-and-state §16).
 * When DOWN, {@code failure} says why in contract terms and {@code operatorHint} (redacted) in detail.
 */
public record HealthStatus(boolean up, Integer upstreamStatus, EngineErrorCode failure, String operatorHint) {

    static HealthStatus up(int status) {
        return new HealthStatus(true, status, null, null);
    }

    static HealthStatus down(EngineCallException e) {
        return new HealthStatus(false, e.upstreamStatus(), e.code(), e.operatorHint());
    }
}
