package dev.dxcp.bench.phase;

import dev.dxcp.bench.http.HttpRequest;
import dev.dxcp.bench.http.HttpResponse;
import dev.dxcp.bench.load.Budget;
import dev.dxcp.bench.load.LoadRunner;
import dev.dxcp.bench.load.Operation;
import dev.dxcp.bench.load.PhaseResult;
import dev.dxcp.bench.rig.Identities;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Build registrations, {@code POST /v1/builds/register}: every request a new service/version whose
 * artifact is in the store, so each one runs the whole path (checks, artifact hashing in S3, three
 * aggregates in one transaction, the read-your-writes wait).
 */
public final class RegistrationPhase {
    private final LoadRunner load;
    private final Identities identities;
    private final Queue<Build> registered = new ConcurrentLinkedQueue<>();

    public RegistrationPhase(LoadRunner load, Identities identities) {
        this.load = load;
        this.identities = identities;
    }

    /**
     * @param limit the longest the phase may run
     * @param probe told of each 201, or null
     */
    public PhaseResult run(String name, int concurrency, List<Build> builds, Duration limit, ProjectionLagProbe probe) {
        Operation operation = new Operation() {
            @Override
            public HttpRequest request(int worker, long n) {
                Build build = builds.get((int) n);
                return HttpRequest.post("/v1/builds/register", identities.ci(worker, concurrency, n),
                        UUID.randomUUID().toString(), build.registrationJson(n));
            }

            @Override
            public void answered(long n, HttpResponse response, long sentNanos, long answeredNanos) {
                Build build = builds.get((int) n);
                registered.add(build);
                if (probe != null) {
                    probe.offer(build, answeredNanos);
                }
            }
        };
        return load.run(name, concurrency, Budget.upTo(builds.size(), limit), operation);
    }

    /** Every build registered so far by this phase object, in the order the answers came. */
    public List<Build> registered() {
        return List.copyOf(registered);
    }
}
