package dev.dxcp.bench.phase;

import dev.dxcp.bench.http.HttpRequest;
import dev.dxcp.bench.load.Budget;
import dev.dxcp.bench.load.LoadRunner;
import dev.dxcp.bench.load.PhaseResult;
import dev.dxcp.bench.rig.Identities;

import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The three reads the portal and the CLI make most, against the seeded history, each for a fixed time
 * after a short warm-up. Targets are spread over all seeded records and services, so the measure is not
 * one hot row.
 */
public final class ReadPhase {
    private final LoadRunner load;
    private final Identities identities;
    private final List<String> deploymentIds;
    private final List<String> services;

    public ReadPhase(LoadRunner load, Identities identities, List<String> deploymentIds, List<String> services) {
        this.load = load;
        this.identities = identities;
        this.deploymentIds = deploymentIds;
        this.services = services;
    }

    public PhaseResult deploymentById(int concurrency, Duration warmUp, Duration duration) {
        return measure("GET /v1/deployments/{id}", concurrency, warmUp, duration,
                n -> "/v1/deployments/" + deploymentIds.get(spread(n, deploymentIds.size())));
    }

    public PhaseResult deploymentsOfService(int concurrency, Duration warmUp, Duration duration) {
        return measure("GET /v1/deployments?service=", concurrency, warmUp, duration,
                n -> "/v1/deployments?service=" + services.get(spread(n, services.size())));
    }

    public PhaseResult deliveryStatus(int concurrency, Duration warmUp, Duration duration) {
        return measure("GET /v1/services/{service}/delivery-status", concurrency, warmUp, duration,
                n -> "/v1/services/" + services.get(spread(n, services.size())) + "/delivery-status");
    }

    private PhaseResult measure(String name, int concurrency, Duration warmUp, Duration duration,
                                LongFunction<String> target) {
        load.run(name + " (warm-up)", concurrency, Budget.duration(warmUp),
                (worker, n) -> HttpRequest.get(target.apply(n), identities.observer(worker, concurrency, n)));
        return load.run(name, concurrency, Budget.duration(duration),
                (worker, n) -> HttpRequest.get(target.apply(n), identities.observer(worker, concurrency, n)));
    }

    /** A fixed stride through the list, so consecutive requests hit unrelated rows. */
    static int spread(long n, int size) {
        return (int) ((n * 7919L) % size);
    }
}
