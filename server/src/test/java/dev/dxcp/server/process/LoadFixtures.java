package dev.dxcp.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.server.e2e.DxcpTestEnvironment;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings for tests that put a server process under load: the demo pipelines run one at a time
 * (limitConcurrent), so the recipe {@link #PARALLEL_RECIPE} is pointed at a pipeline without that limit,
 * and limits, quotas and the default group's guardrails are opened up.
 */
public final class LoadFixtures {
    public static final String PARALLEL_RECIPE = "bluegreen";
    private static final String PIPELINE = "bluegreen-parallel";

    private LoadFixtures() {
    }

    static void addParallelPipeline(GateSimulator gate) {
        gate.addPipelineConfig(parallelPipeline());
    }

    /** A Front50 pipeline configuration like the demo's, without limitConcurrent. */
    public static ObjectNode parallelPipeline() {
        ObjectNode pipeline = (ObjectNode) TestHttp.JSON.createObjectNode();
        pipeline.put("application", "dxcp-demo").put("name", PIPELINE).put("id", UUID.randomUUID().toString())
                .put("limitConcurrent", false).put("keepWaitingPipelines", true);
        pipeline.putArray("parameterConfig").addObject().put("name", "service").put("required", true);
        ObjectNode stage = pipeline.putArray("stages").addObject();
        stage.put("refId", "1").put("name", "deploy-artifact").put("type", "dxcpDeploy");
        stage.putArray("requisiteStageRefIds");
        pipeline.putArray("triggers");
        return pipeline;
    }

    /** CI subjects starting with ciPrefix may register; limits at their maximum; the parallel recipe. */
    public static void openForLoad(ServerProcess server, String ciPrefix) {
        DxcpTestEnvironment env = DxcpTestEnvironment.get();
        String admin = env.identity.adminToken();
        assertThat(TestHttp.put(server.url("/v1/admin/system/rate-limits"), admin, Map.of("read_rpm", 5000,
                "mutate_rpm", 5000, "daily_quota_build_register", 5000)).status()).isEqualTo(200);
        assertThat(TestHttp.put(server.url("/v1/admin/system/ci-publishers"), admin, Map.of("publishers",
                List.of(Map.of("name", "load-ci", "subject_prefixes", List.of(ciPrefix)))), "Idempotency-Key",
                UUID.randomUUID().toString()).status()).isEqualTo(200);
        JsonNode group = TestHttp.get(server.url("/v1/delivery-groups/default"), admin).json();
        ObjectNode update = group.deepCopy();
        update.putObject("guardrails").put("max_concurrent_deployments", 50).put("daily_deploy_quota", 500);
        assertThat(TestHttp.put(server.url("/v1/delivery-groups/default"), admin, update).status()).isEqualTo(200);
        JsonNode recipe = TestHttp.get(server.url("/v1/recipes/" + PARALLEL_RECIPE), admin).json();
        ObjectNode parallel = recipe.deepCopy();
        parallel.put("deploy_pipeline", PIPELINE);
        Response changed = TestHttp.put(server.url("/v1/recipes/" + PARALLEL_RECIPE), admin, parallel);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
}
