package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spec §2.5–§2.6: application list and single-app shapes, pipeline configs. */
class ApplicationsAndConfigsTest {

    private static GateSimulator gate;
    private static GateClient client;

    @BeforeAll
    static void start() {
        gate = GateSimulator.start();
        client = new GateClient(gate.baseUrl());
    }

    @AfterAll
    static void stop() {
        gate.stop();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    @Test
    void listIsFlatAttributeObjectsShapedLikeTheRecordedList() {
        JsonNode list = Json.parse(client.get("/applications").body());
        JsonNode recorded = Fixtures.load("applications.json");

        assertThat(names(list)).contains("dxcp-demo");
        JsonNode demo = list.get(names(list).indexOf("dxcp-demo"));
        assertThat(demo.has("attributes")).isFalse();
        assertThat(demo.get("createTs").isTextual()).as("Front50 timestamps are strings").isTrue();
        assertThat(demo.get("accounts").isTextual()).as("comma-separated string").isTrue();
        assertThat(Fixtures.keys(demo)).containsAll(Fixtures.keys(recorded.get(0)).stream()
                .filter(key -> !key.equals("platformHealthOnly") && !key.equals("providerSettings")).toList());
        assertThat(list).anySatisfy(app -> assertThat(Fixtures.keys(app)).containsExactlyInAnyOrder("name", "accounts"));
    }

    @Test
    void accountAndOwnerFilterButTagsDoNot() {
        assertThat(names(Json.parse(client.get("/applications?account=prod").body()))).containsExactly("ledger");
        assertThat(names(Json.parse(client.get("/applications?account=staging").body())))
                .containsExactlyInAnyOrder("ledger", "orphaned-cluster-app");
        assertThat(names(Json.parse(client.get("/applications?owner=ledger-owners@EXAMPLE.com").body()))).containsExactly("ledger");
        assertThat(Json.parse(client.get("/applications?tags=team:blue").body()).size())
                .isEqualTo(Json.parse(client.get("/applications").body()).size());
    }

    @Test
    void singleApplicationHasNameAttributesAndClusters() {
        JsonNode app = Json.parse(client.get("/applications/DXCP-Demo?expand=false").body());
        assertThat(Fixtures.keys(app)).containsExactlyInAnyOrder("name", "attributes", "clusters");
        assertThat(app.get("name").asText()).isEqualTo("dxcp-demo");
        assertThat(app.at("/attributes/email").asText()).isEqualTo("platform-team@example.com");
    }

    @Test
    void unknownApplicationIs404() {
        HttpResponse<String> response = client.get("/applications/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.parse(response.body()).get("message").asText()).isEqualTo("Application not found (id: nope)");
    }

    @Test
    void pipelineConfigsAreSortedByIndexWithTheFixtureFields() {
        JsonNode configs = Json.parse(client.get("/applications/dxcp-demo/pipelineConfigs").body());
        assertThat(names(configs)).containsExactly("deploy-demo-service", "rollback-demo-service",
                "canary-deploy-demo-service", "deploy", "rollback");
        for (int i = 0; i < configs.size(); i++) {
            assertThat(configs.get(i).get("index").asInt()).isEqualTo(i);
        }
        JsonNode fixture = Fixtures.load("pipeline-configs.json");
        assertThat(Fixtures.keys(configs.get(0))).isEqualTo(Fixtures.keys(fixture.get(0)));
        assertThat(configs.get(0).get("updateTs").isTextual()).isTrue();
        assertThat(Fixtures.keys(configs.get(2).at("/stages/1"))).isEqualTo(Fixtures.keys(fixture.get(2).at("/stages/1")));
    }

    @Test
    void pipelineNameFilterAndUnknownApplication() {
        assertThat(names(Json.parse(client.get("/applications/dxcp-demo/pipelineConfigs?pipelineNameFilter=ROLLBACK").body())))
                .containsExactly("rollback-demo-service", "rollback");
        HttpResponse<String> unknown = client.get("/applications/nobody/pipelineConfigs");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("[]");
    }

    @Test
    void onePipelineConfigByNameOr404() {
        JsonNode config = Json.parse(client.get("/applications/dxcp-demo/pipelineConfigs/canary-deploy-demo-service").body());
        assertThat(config.get("stages").size()).isEqualTo(3);
        HttpResponse<String> missing = client.get("/applications/dxcp-demo/pipelineConfigs/missing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.parse(missing.body()).get("message").asText())
                .isEqualTo("Pipeline config (id: missing) not found for Application (id: dxcp-demo)");
    }

    @Test
    void seedDeclaresGatesParameterRulesForDxcpPipelines() {
        JsonNode deploy = Json.parse(client.get("/applications/dxcp-demo/pipelineConfigs/deploy").body());
        assertThat(deploy.get("limitConcurrent").asBoolean()).isTrue();
        assertThat(deploy.get("keepWaitingPipelines").asBoolean()).isFalse();
        assertThat(deploy.get("parameterConfig").toString()).contains("\"name\":\"service\",\"required\":true");
    }
}
