package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The /_sim control API, as a test driving a simulator in another JVM would use it. */
class ControlApiTest {

    private final GateSimulator gate = GateSimulator.start(SteppedGate.config().basePath("/gate").build());
    private final GateClient client = new GateClient(gate.baseUrl());
    private final GateClient admin = new GateClient(gate.adminUrl());

    @AfterEach
    void stop() {
        gate.stop();
    }

    private void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    @Test
    void adminApiLivesOutsideTheBasePath() {
        assertThat(gate.adminUrl()).doesNotContain("/gate");
        assertThat(Json.parse(admin.get("").body()).get("stepped").asBoolean()).isTrue();
    }

    @Test
    void outcomesByParameterAndClockAdvanceOverHttp() {
        ok(admin.post("/outcomes", "{\"parameter\":{\"name\":\"version\",\"value\":\"9.9.9-fail\"},"
                + "\"outcome\":{\"kind\":\"WEBHOOK_REJECTED\",\"code\":\"artifact_bucket_mismatch\"}}"));
        String id = client.triggerOk("dxcp-demo", "deploy", GateClient.deployBody("9.9.9-fail", "k"));
        ok(admin.post("/clock/advance", "{\"millis\":5000}"));

        JsonNode execution = client.execution(id);
        assertThat(execution.get("status").asText()).isEqualTo("TERMINAL");
        assertThat(execution.at("/stages/0/context/webhook/body/error").asText()).isEqualTo("artifact_bucket_mismatch");
    }

    @Test
    void outcomeForNextTriggersAndForPipeline() {
        ok(admin.post("/outcomes", "{\"next\":1,\"outcome\":{\"kind\":\"failed_on_startup\"}}"));
        ok(admin.post("/outcomes", "{\"pipeline\":\"deploy\",\"outcome\":{\"kind\":\"HANG\"}}"));
        assertThat(client.trigger("dxcp-demo", "deploy", GateClient.deployBody("1", "k")).statusCode()).isEqualTo(400);
        String id = client.triggerOk("dxcp-demo", "deploy", GateClient.deployBody("1", "k"));
        ok(admin.post("/clock/advance", "{\"millis\":60000}"));
        assertThat(client.execution(id).get("status").asText()).isEqualTo("RUNNING");
        ok(admin.method("DELETE", "/outcomes", null));
        assertThat(admin.post("/outcomes", "{\"outcome\":{\"kind\":\"HANG\"}}").statusCode()).isEqualTo(400);
        assertThat(admin.post("/outcomes", "{\"next\":1,\"outcome\":{\"kind\":\"EXPLODE\"}}").statusCode()).isEqualTo(400);
    }

    @Test
    void faultsArmedAndClearedOverHttp() {
        ok(admin.post("/faults", "{\"endpoint\":\"HEALTH\",\"fault\":{\"kind\":\"PROXY_ERROR\",\"status\":504},\"times\":1}"));
        ok(admin.post("/faults", "{\"endpoint\":\"get_execution\",\"fault\":{\"kind\":\"SERVER_ERROR\"}}"));
        assertThat(Json.parse(admin.get("/faults").body())).hasSize(2);

        assertThat(client.get("/health").statusCode()).isEqualTo(504);
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/pipelines/x").statusCode()).isEqualTo(500);
        ok(admin.method("DELETE", "/faults", null));
        assertThat(client.get("/pipelines/x").statusCode()).isEqualTo(404);
        assertThat(Json.parse(admin.get("/requests").body()).get("HEALTH").asInt()).isEqualTo(2);
    }

    @Test
    void triggerCountsJudgmentsHealthAuthAndReset() {
        ok(admin.post("/outcomes", "{\"next\":1,\"outcome\":{\"kind\":\"AWAIT_JUDGMENT\"}}"));
        String id = client.triggerOk("dxcp-demo", "canary-deploy-demo-service", GateClient.deployBody("1", "idem-7"));
        JsonNode counts = Json.parse(admin.get("/triggers?idempotencyKey=idem-7").body());
        assertThat(counts.get("count").asInt()).isEqualTo(1);
        assertThat(counts.at("/byIdempotencyKey/idem-7").asInt()).isEqualTo(1);

        ok(admin.post("/clock/advance", "{\"millis\":10000}"));
        ok(admin.post("/executions/" + id + "/judgment", "{\"judgment\":\"continue\",\"user\":\"dana\"}"));
        ok(admin.post("/clock/advance", "{\"millis\":10000}"));
        assertThat(client.execution(id).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(admin.post("/executions/" + id + "/judgment", "{\"judgment\":\"stop\"}").statusCode()).isEqualTo(409);
        assertThat(Json.parse(admin.get("/executions").body())).hasSize(1);

        ok(admin.put("/health", "{\"down\":true}"));
        assertThat(client.get("/health").statusCode()).isEqualTo(503);
        ok(admin.put("/auth", "{\"mode\":\"login-redirect\"}"));
        assertThat(client.get("/applications").statusCode()).isEqualTo(302);

        ok(admin.post("/reset", ""));
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/applications").statusCode()).isEqualTo(200);
        assertThat(Json.parse(admin.get("/triggers").body()).get("count").asInt()).isZero();
        assertThat(gate.executions()).isEmpty();
    }

    @Test
    void applicationsAndPipelineConfigsCanBeAdded() {
        ok(admin.post("/applications", "{\"name\":\"Payments\",\"email\":\"pay@example.com\"}"));
        ok(admin.post("/pipelineConfigs", "{\"application\":\"payments\",\"name\":\"deploy\",\"parameterConfig\":"
                + "[{\"name\":\"service\",\"required\":true}],\"stages\":[{\"refId\":\"1\",\"type\":\"dxcpDeploy\",\"name\":\"d\"}]}"));
        assertThat(client.get("/applications/payments").statusCode()).isEqualTo(200);
        assertThat(client.trigger("payments", "deploy", "{}").statusCode()).isEqualTo(400);
        assertThat(client.trigger("payments", "deploy", "{\"parameters\":{\"service\":\"p\"}}").statusCode()).isEqualTo(202);
    }

    @Test
    void clockAdvanceIsRefusedInRealTime() {
        try (GateSimulator realTime = GateSimulator.start()) {
            HttpResponse<String> response = new GateClient(realTime.adminUrl()).post("/clock/advance", "{\"millis\":1}");
            assertThat(response.statusCode()).isEqualTo(409);
        }
    }
}
