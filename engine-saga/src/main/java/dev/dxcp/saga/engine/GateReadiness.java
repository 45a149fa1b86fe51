package dev.dxcp.saga.engine;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.saga.spinnaker.GateClient;
import dev.dxcp.saga.spinnaker.HealthStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * validate's engine readiness (domain §16): the health call, retried after 0.5 s, 1 s and 2 s before
 * the request fails with ENGINE_UNAVAILABLE. Skipped when no engine is configured.
 */
public class GateReadiness {
    private static final List<Duration> RETRIES = List.of(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2));

    private final EngineConnection engine;

    public GateReadiness(EngineConnection engine) {
        this.engine = engine;
    }

    public Optional<Rejection> check() {
        GateClient client = engine.client();
        if (client == null) {
            return Optional.empty();
        }
        HealthStatus health = probe(client);
        if (health.up()) {
            return Optional.empty();
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("upstream_status", health.upstreamStatus());
        diagnostics.put("engine", "spinnaker");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine_unavailable", true);
        details.put("diagnostics", diagnostics);
        return Optional.of(new Rejection(ErrorCode.ENGINE_UNAVAILABLE, "Unable to validate deployment",
                health.operatorHint(), details));
    }

    /** The health call with the contract's retries; the engine adapter's validate probes a proposed Gate with it. */
    public HealthStatus probe(GateClient client) {
        HealthStatus health = client.health();
        for (Duration pause : RETRIES) {
            if (health.up()) {
                return health;
            }
            LockSupport.parkNanos(pause.toNanos());
            health = client.health();
        }
        return health;
    }
}
