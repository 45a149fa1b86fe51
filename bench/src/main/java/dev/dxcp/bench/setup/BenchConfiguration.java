package dev.dxcp.bench.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.bench.rig.DxcpServerProcess;
import dev.dxcp.bench.rig.GateSimulatorProcess;
import dev.dxcp.bench.rig.Identities;
import dev.dxcp.testsupport.http.TestHttp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Configures a fresh server through its admin API so that what is measured is DXCP, not its limits:
 * rate limits and the build quota at their maxima (governance §7: 5000/min, 5000/day per actor), a recipe
 * on an unrestricted pipeline, and delivery groups whose guardrails never refuse a benchmark deploy. (The
 * CI allowlist comes from DXCP_CI_PUBLISHERS, see {@link Identities#ciPublishersJson()}.)
 */
public final class BenchConfiguration {
    public static final String RECIPE = "bench";
    public static final String PIPELINE = "bench-deploy";
    public static final String ENGINE_APPLICATION = "dxcp-demo";
    public static final int MAX_RATE = 5000;
    /** Far above any run's deploys per lane and day, and above every in-flight count. */
    public static final int GUARDRAIL = 1_000_000;

    private final DxcpServerProcess server;
    private final Identities identities;

    public BenchConfiguration(DxcpServerProcess server, Identities identities) {
        this.server = server;
        this.identities = identities;
    }

    /**
     * The seeded demo pipelines set limitConcurrent (one execution at a time, and a newer trigger cancels
     * a waiting one), which would make deploys into different groups wait for each other inside the engine.
     * Real services have pipelines of their own; one unrestricted pipeline stands in for them here.
     */
    public static void addPipeline(GateSimulatorProcess gate) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("refId", "1");
        stage.put("name", "deploy-artifact");
        stage.put("type", "dxcpDeploy");
        stage.put("requisiteStageRefIds", List.of());
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("application", ENGINE_APPLICATION);
        pipeline.put("name", PIPELINE);
        pipeline.put("id", UUID.randomUUID().toString());
        pipeline.put("limitConcurrent", false);
        pipeline.put("keepWaitingPipelines", true);
        pipeline.put("parameterConfig", List.of(Map.of("name", "service", "required", true)));
        pipeline.put("stages", List.of(stage));
        pipeline.put("triggers", List.of());
        gate.addPipelineConfig(pipeline);
    }

    public void apply(Topology topology) {
        openRateLimits();
        // Any bench owner deploys into any group: owner scoping (on for a new installation) is not measured here.
        expect(200, TestHttp.put(server.url("/v1/admin/system/owner-scoped-changes"), identities.admin(),
                Map.of("owner_scoped_changes", false)));
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("id", RECIPE);
        recipe.put("name", "Benchmark");
        recipe.put("effective_behavior_summary", "Deploys in place through an unrestricted pipeline.");
        recipe.put("spinnaker_application", ENGINE_APPLICATION);
        recipe.put("deploy_pipeline", PIPELINE);
        recipe.put("rollback_pipeline", "rollback");
        expect(200, TestHttp.post(server.url("/v1/recipes"), identities.admin(), recipe));
        emptyDefaultGroup();
        for (Topology.Group group : topology.allGroups()) {
            expect(201, TestHttp.post(server.url("/v1/delivery-groups"), identities.admin(), groupBody(group)));
        }
    }

    /** Rate limits and the daily build quota at their maxima: enough for registrations alone. */
    public void openRateLimits() {
        expect(200, TestHttp.put(server.url("/v1/admin/system/rate-limits"), identities.admin(),
                Map.of("read_rpm", MAX_RATE, "mutate_rpm", MAX_RATE, "daily_quota_build_register", MAX_RATE)));
    }

    /** First start put every registry service into group "default"; a service may be in one group only. */
    private void emptyDefaultGroup() {
        JsonNode current = expect(200, TestHttp.get(server.url("/v1/delivery-groups/default"), identities.admin()))
                .json();
        ObjectNode update = current.deepCopy();
        update.putArray("services");
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        expect(200, TestHttp.put(server.url("/v1/delivery-groups/default"), identities.admin(), update));
    }

    private static Map<String, Object> groupBody(Topology.Group group) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", group.id());
        body.put("name", "Group " + group.id());
        body.put("services", group.services());
        body.put("allowed_recipes", List.of(RECIPE, "default"));
        body.put("allowed_environments", List.of(Topology.ENVIRONMENT));
        body.put("guardrails", Map.of("max_concurrent_deployments", GUARDRAIL, "daily_deploy_quota", GUARDRAIL,
                "daily_rollback_quota", GUARDRAIL));
        return body;
    }

    private static TestHttp.Response expect(int status, TestHttp.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("server setup failed: expected " + status + ", got " + response.status()
                    + " " + response.body());
        }
        return response;
    }
}
