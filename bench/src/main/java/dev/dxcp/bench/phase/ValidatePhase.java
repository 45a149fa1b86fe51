package dev.dxcp.bench.phase;

import dev.dxcp.bench.http.HttpRequest;
import dev.dxcp.bench.load.Budget;
import dev.dxcp.bench.load.LoadRunner;
import dev.dxcp.bench.load.PhaseResult;
import dev.dxcp.bench.rig.Identities;
import dev.dxcp.bench.setup.BenchConfiguration;
import dev.dxcp.bench.setup.Topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code POST /v1/deployments/validate} of registered builds into their live groups, for a fixed time after a
 * short warm-up, as a portal checking a deploy before it is sent. Validate decides nothing and writes
 * nothing (api-contract §5): it runs the policy, the quota and concurrency reads, the artifact HEAD and the
 * engine's health call.
 */
public final class ValidatePhase {
    private final LoadRunner load;
    private final Identities identities;
    private final List<Build> builds;

    public ValidatePhase(LoadRunner load, Identities identities, List<Build> builds) {
        this.load = load;
        this.identities = identities;
        this.builds = builds;
    }

    public PhaseResult run(int concurrency, Duration warmUp, Duration duration) {
        load.run("validate (warm-up)", concurrency, Budget.duration(warmUp), (worker, n) -> request(worker, n,
                concurrency));
        return load.run("POST /v1/deployments/validate", concurrency, Budget.duration(duration),
                (worker, n) -> request(worker, n, concurrency));
    }

    private HttpRequest request(int worker, long n, int concurrency) {
        Build build = builds.get(ReadPhase.spread(n, builds.size()));
        String intent = "{\"service\":\"" + build.service() + "\",\"environment\":\"" + Topology.ENVIRONMENT
                + "\",\"version\":\"" + build.version() + "\",\"changeSummary\":\"bench validate\",\"recipeId\":\""
                + BenchConfiguration.RECIPE + "\"}";
        return new HttpRequest("POST", "/v1/deployments/validate", identities.owner(worker, concurrency, n),
                List.of(), intent.getBytes(StandardCharsets.UTF_8));
    }
}
