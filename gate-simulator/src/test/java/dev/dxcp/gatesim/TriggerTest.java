package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.gatesim.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trigger endpoint and the execution document over real HTTP, in real time, under /gate. */
class TriggerTest {

    private static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

    private static GateSimulator gate;
    private static GateClient client;

    @BeforeAll
    static void start() {
        gate = GateSimulator.start(GateSimulatorConfig.builder().basePath("/gate").stageDelay(Duration.ofMillis(20)).build());
        client = new GateClient(gate.baseUrl());
    }

    @AfterAll
    static void stop() {
        gate.stop();
    }

    @BeforeEach
    void reset() {
        gate.reset();
    }

    @Test
    void baseUrlIncludesTheConfiguredBasePath() {
        assertThat(gate.baseUrl()).endsWith(":" + gate.port() + "/gate");
        assertThat(new GateClient("http://127.0.0.1:" + gate.port()).get("/health").statusCode()).isEqualTo(404);
    }

    @Test
    void triggerAnswers202WithOnlyARefToAUlidThenTheExecutionRunsToSucceeded() {
        HttpResponse<String> response = client.trigger("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1.2.3", "idem-1"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = Json.parse(response.body());
        assertThat(Fixtures.keys(body)).containsExactly("ref");
        assertThat(body.get("ref").asText()).matches("/pipelines/" + ULID);

        String id = body.get("ref").asText().substring("/pipelines/".length());
        JsonNode execution = client.pollUntilStatus(id, "SUCCEEDED");
        assertThat(execution.get("id").asText()).isEqualTo(id);
        assertThat(execution.get("type").asText()).isEqualTo("PIPELINE");
        assertThat(execution.get("buildTime").asLong()).isLessThanOrEqualTo(execution.get("startTime").asLong());
        assertThat(execution.get("startTime").asLong()).isLessThanOrEqualTo(execution.get("endTime").asLong());
        JsonNode stage = execution.get("stages").get(0);
        assertThat(stage.get("id").asText()).matches(ULID);
        assertThat(stage.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(stage.at("/context/webhook/statusCode").asText()).isEqualTo("OK");
        assertThat(stage.at("/context/url").asText()).isEqualTo("https://controller.example.internal/deploy");
        assertThat(stage.at("/context/payload/version").asText()).isEqualTo("1.2.3");
        assertThat(stage.at("/tasks/0/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(stage.at("/tasks/0/endTime").asLong()).isGreaterThanOrEqualTo(stage.at("/tasks/0/startTime").asLong());
    }

    @Test
    void executionDocumentHasTheShapeOfTheRecordedSucceededExecutionAndNoNulls() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1.2.3", "idem-2"));
        JsonNode execution = client.pollUntilStatus(id, "SUCCEEDED");
        JsonNode recorded = Fixtures.load("execution-succeeded.json");

        assertThat(Fixtures.keys(execution)).containsAll(Fixtures.keys(recorded));
        assertThat(Fixtures.keys(execution)).containsAll(Fixtures.keys(Fixtures.load("execution-terminal-webhook-400-controller-error.json")));
        assertThat(Fixtures.keys(execution.at("/stages/0"))).containsAll(Fixtures.keys(recorded.at("/stages/0")));
        assertThat(Fixtures.keys(execution.at("/stages/0/tasks/0"))).containsAll(Fixtures.keys(recorded.at("/stages/0/tasks/0")));
        // The recorded sample came through Echo (v2) and has extra trigger keys; DXCP's v1 trigger matches the assembled one.
        assertThat(Fixtures.keys(execution.get("trigger"))).isEqualTo(
                Fixtures.keys(Fixtures.load("execution-terminal-webhook-400-controller-error.json").get("trigger")));
        assertThat(Fixtures.containsNull(execution)).isFalse();
    }

    @Test
    void jsonKeysAreSortedAlphabetically() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1.2.3", "idem-3"));
        String raw = client.get("/pipelines/" + id).body();
        assertThat(raw.indexOf("\"application\"")).isLessThan(raw.indexOf("\"buildTime\""));
        assertThat(raw.indexOf("\"buildTime\"")).isLessThan(raw.indexOf("\"id\""));
        assertThat(raw.indexOf("\"stages\"")).isLessThan(raw.indexOf("\"trigger\""));
    }

    @Test
    void triggerIsFilledAsOrcaDoesAndKeepsExtraKeys() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service",
                "{\"user\":\"alice@example.com\",\"parameters\":{\"service\":\"s\",\"version\":\"1\",\"artifactRef\":\"a\"},"
                        + "\"idempotencyKey\":\"idem-4\",\"requestedBy\":{\"team\":\"blue\"}}");
        JsonNode trigger = client.execution(id).get("trigger");

        assertThat(trigger.get("type").asText()).isEqualTo("manual");
        assertThat(trigger.get("user").asText()).isEqualTo("alice@example.com");
        assertThat(trigger.get("idempotencyKey").asText()).isEqualTo("idem-4");
        assertThat(trigger.at("/requestedBy/team").asText()).isEqualTo("blue");
        assertThat(trigger.at("/parameters/engineUrl").asText()).isEqualTo("https://controller.example.internal/");
        assertThat(trigger.at("/parameters").has("s3Bucket")).as("no default, not sent: absent").isFalse();
        assertThat(trigger.get("notifications").isArray()).isTrue();
        assertThat(trigger.get("artifacts").isArray()).isTrue();
        assertThat(trigger.get("dryRun").asBoolean(true)).isFalse();
        JsonNode execution = client.execution(id);
        assertThat(execution.at("/authentication/user").asText()).isEqualTo("anonymous");
        assertThat(execution.get("origin").asText()).isEqualTo("api");
    }

    @Test
    void userDefaultsToTheResolvedCallerWhenTheBodyNamesNone() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service",
                "{\"parameters\":{\"service\":\"s\",\"version\":\"1\",\"artifactRef\":\"a\"}}");
        assertThat(client.execution(id).at("/trigger/user").asText()).isEqualTo("anonymous");
    }

    @Test
    void requiredParameterWithoutDefaultIsEnforcedWith400() {
        HttpResponse<String> response = client.trigger("dxcp-demo", "deploy-demo-service",
                "{\"parameters\":{\"version\":\"1\",\"artifactRef\":\"a\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.body());
        assertThat(error.get("message").asText()).isEqualTo("Required parameter service is missing");
        assertThat(Fixtures.keys(error)).containsExactlyInAnyOrder("timestamp", "status", "error", "exception", "message");
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("error").asText()).isEqualTo("Bad Request");
        assertThat(gate.executions()).isEmpty();
    }

    @Test
    void nullCountsAsMissingButAnEmptyStringPasses() {
        assertThat(client.trigger("dxcp-demo", "deploy-demo-service",
                "{\"parameters\":{\"service\":null,\"version\":\"1\",\"artifactRef\":\"a\"}}").statusCode()).isEqualTo(400);
        assertThat(client.trigger("dxcp-demo", "deploy-demo-service",
                "{\"parameters\":{\"service\":\"\",\"version\":\"1\",\"artifactRef\":\"a\"}}").statusCode()).isEqualTo(202);
    }

    @Test
    void requiredParameterWithADefaultIsNotEnforced() {
        // engineUrl is required but carries a default, so Gate lets its absence through.
        assertThat(client.trigger("dxcp-demo", "rollback-demo-service",
                "{\"parameters\":{\"service\":\"s\",\"version\":\"1\"}}").statusCode()).isEqualTo(202);
    }

    @Test
    void absentBodyCountsAsEmptyObject() {
        HttpResponse<String> response = client.post("/pipelines/dxcp-demo/deploy", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("message").asText()).isEqualTo("Required parameter service is missing");
    }

    @Test
    void unknownPipelineAnswers404WithGatesWrappedMessage() {
        HttpResponse<String> response = client.trigger("dxcp-demo", "no-such-pipeline", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.parse(response.body()).get("message").asText())
                .startsWith("Unable to trigger pipeline (application: dxcp-demo, pipelineNameOrId: no-such-pipeline). "
                        + "Error: Pipeline configuration not found (id: no-such-pipeline): Status: 404, Method: GET, URL: ");
    }

    @Test
    void pipelineNameMatchIsCaseSensitiveButApplicationMatchIsNot() {
        String body = "{\"parameters\":{\"service\":\"s\",\"version\":\"1\",\"artifactRef\":\"a\"}}";
        assertThat(client.trigger("DXCP-Demo", "deploy-demo-service", body).statusCode()).isEqualTo(202);
        assertThat(client.trigger("dxcp-demo", "Deploy-Demo-Service", body).statusCode()).isEqualTo(404);
    }

    @Test
    void pipelineConfigIdIsAcceptedInPlaceOfTheNameEvenUnderAnotherApplication() {
        String configId = Json.parse(client.get("/applications/dxcp-demo/pipelineConfigs/rollback").body()).get("id").asText();
        String id = client.triggerOk("some-other-app", configId, "{\"parameters\":{\"service\":\"s\",\"version\":\"1\"}}");

        JsonNode execution = client.execution(id);
        assertThat(execution.get("name").asText()).isEqualTo("rollback");
        assertThat(execution.get("application").asText()).isEqualTo("dxcp-demo");
        assertThat(execution.get("pipelineConfigId").asText()).isEqualTo(configId);
    }

    @Test
    void pipelineNamesWithSpacesArriveUrlDecoded() {
        gate.addPipelineConfig(Json.parse("{\"application\":\"dxcp-demo\",\"name\":\"deploy everything v1.2\",\"stages\":[]}"));
        assertThat(client.trigger("dxcp-demo", "deploy%20everything%20v1.2", "{}").statusCode()).isEqualTo(202);
    }

    @Test
    void unknownExecutionAnswers404PipelineNotFound() {
        HttpResponse<String> response = client.get("/pipelines/01ARZ3NDEKTSV4RRFFQ69G5FAV");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.parse(response.body()).get("message").asText()).isEqualTo("Pipeline not found (id: 01ARZ3NDEKTSV4RRFFQ69G5FAV)");
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        HttpResponse<String> echoed = client.get("/health", "X-SPINNAKER-REQUEST-ID", "req-123");
        HttpResponse<String> generated = client.get("/pipelines/unknown");
        assertThat(echoed.headers().firstValue("X-SPINNAKER-REQUEST-ID")).hasValue("req-123");
        assertThat(generated.headers().firstValue("X-SPINNAKER-REQUEST-ID").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void wrongMethodOnAKnownPathIs405() {
        assertThat(client.method("DELETE", "/pipelines/x", null).statusCode()).isEqualTo(405);
    }

    @Test
    void deprecatedTriggerAliasStartsAnExecutionToo() {
        HttpResponse<String> response = client.post("/applications/dxcp-demo/pipelineConfigs/rollback",
                "{\"parameters\":{\"service\":\"s\",\"version\":\"1\"}}");
        assertThat(response.statusCode()).isEqualTo(202);
    }
}
