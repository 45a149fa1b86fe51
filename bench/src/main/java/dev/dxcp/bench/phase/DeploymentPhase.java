package dev.dxcp.bench.phase;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.bench.http.HttpRequest;
import dev.dxcp.bench.http.HttpResponse;
import dev.dxcp.bench.load.Budget;
import dev.dxcp.bench.load.LoadRunner;
import dev.dxcp.bench.load.Operation;
import dev.dxcp.bench.load.PhaseResult;
import dev.dxcp.bench.rig.Identities;
import dev.dxcp.bench.setup.BenchConfiguration;
import dev.dxcp.bench.setup.Topology;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deploy submissions, {@code POST /v1/deployments}, of registered builds. Builds are taken round-robin
 * over the services, and each live service has a delivery group of its own, so requests in flight at the
 * same moment are in different lanes and the measure is DXCP's path, not one lane's serialization. The
 * 201 comes after the engine accepted the trigger (DXCP_TRIGGER_WAIT), so the latency includes it.
 */
public final class DeploymentPhase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadRunner load;
    private final Identities identities;

    public DeploymentPhase(LoadRunner load, Identities identities) {
        this.load = load;
        this.identities = identities;
    }

    /**
     * @param limit   the longest the phase may run
     * @param tracker told of each 201, or null
     */
    public PhaseResult run(String name, int concurrency, List<Build> builds, Duration limit, SucceededTracker tracker) {
        Operation operation = new Operation() {
            @Override
            public HttpRequest request(int worker, long n) {
                Build build = builds.get((int) n);
                String intent = "{\"service\":\"" + build.service() + "\",\"environment\":\"" + Topology.ENVIRONMENT
                        + "\",\"version\":\"" + build.version() + "\",\"changeSummary\":\"bench deploy " + n
                        + "\",\"recipeId\":\"" + BenchConfiguration.RECIPE + "\"}";
                return HttpRequest.post("/v1/deployments", identities.owner(worker, concurrency, n),
                        UUID.randomUUID().toString(), intent);
            }

            @Override
            public void answered(long n, HttpResponse response, long sentNanos, long answeredNanos) {
                if (tracker == null) {
                    return;
                }
                try {
                    tracker.offer(JSON.readTree(response.body()).path("id").asText(), answeredNanos);
                } catch (IOException e) {
                    throw new IllegalStateException("a 201 without a deployment record: " + response.text(), e);
                }
            }
        };
        return load.run(name, concurrency, Budget.upTo(builds.size(), limit), operation);
    }

    /** Interleaves builds service by service, so neighbours in the list are in different lanes. */
    public static List<Build> interleaved(List<Build> builds) {
        Map<String, List<Build>> byService = new LinkedHashMap<>();
        builds.forEach(b -> byService.computeIfAbsent(b.service(), s -> new ArrayList<>()).add(b));
        List<Build> order = new ArrayList<>(builds.size());
        for (int round = 0; order.size() < builds.size(); round++) {
            for (List<Build> ofService : byService.values()) {
                if (round < ofService.size()) {
                    order.add(ofService.get(round));
                }
            }
        }
        return order;
    }
}
