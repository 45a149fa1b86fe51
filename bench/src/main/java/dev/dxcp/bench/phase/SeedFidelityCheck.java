package dev.dxcp.bench.phase;

import dev.dxcp.bench.rig.DxcpServerProcess;
import dev.dxcp.bench.rig.Identities;
import dev.dxcp.bench.seed.DeploymentHistory;
import dev.dxcp.bench.setup.BenchConfiguration;
import dev.dxcp.bench.setup.Topology;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.testsupport.http.TestHttp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Proves the server takes the seeded streams as its own, beyond its projections having read them:
 * replaying a seeded registration's Idempotency-Key must answer the remembered 201 (the key stream loads
 * and the fingerprint matches), and a deploy into a seeded lane must be decided (the lane stream loads
 * and the next event fits its sequence numbers) rather than fail with a 500.
 */
public final class SeedFidelityCheck {
    private final DxcpServerProcess server;
    private final Identities identities;

    public SeedFidelityCheck(DxcpServerProcess server, Identities identities) {
        this.server = server;
        this.identities = identities;
    }

    /** A line for the report: what was checked and what the server answered. */
    public String run(BuildRecord seeded) {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("service", seeded.service());
        registration.put("version", seeded.version());
        registration.put("artifactRef", seeded.artifactRef());
        registration.put("git_sha", seeded.gitSha());
        registration.put("git_branch", seeded.gitBranch());
        registration.put("ci_provider", seeded.ciProvider());
        registration.put("ci_run_id", seeded.ciRunId());
        registration.put("built_at", Timestamps.format(seeded.builtAt()));
        registration.put("repo", seeded.repo());
        TestHttp.Response replay = TestHttp.post(server.url("/v1/builds/register"), identities.ci(0, 1, 0),
                registration, "Idempotency-Key", DeploymentHistory.registrationKey(seeded));
        boolean replayed = replay.status() == 201 && replay.header("Idempotency-Replayed").orElse("").equals("true");

        Map<String, Object> intent = Map.of("service", seeded.service(), "environment", Topology.ENVIRONMENT,
                "version", seeded.version(), "changeSummary", "fidelity check", "recipeId", BenchConfiguration.RECIPE);
        TestHttp.Response deploy = TestHttp.post(server.url("/v1/deployments"), identities.owner(0, 1, 0), intent,
                "Idempotency-Key", UUID.randomUUID().toString());
        // The seeded artifact is not in the store, so the engine step may refuse it (an answer, not a failure).
        String code = deploy.status() == 201 ? "201" : deploy.status() + " " + deploy.json().path("code").asText();
        boolean decided = deploy.status() < 500 && !code.endsWith("CONCURRENCY_LIMIT_REACHED");
        return "seeded key replayed: " + (replayed ? "yes" : "NO (" + replay.status() + " " + replay.body() + ")")
                + "; deploy into a seeded lane decided: " + (decided ? "yes (" + code + ")"
                : "NO (" + deploy.status() + " " + deploy.body() + ")");
    }
}
