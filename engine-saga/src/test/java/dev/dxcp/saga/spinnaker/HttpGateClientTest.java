package dev.dxcp.saga.spinnaker;

import static dev.dxcp.saga.spinnaker.ScriptedGateStub.drop;
import static dev.dxcp.saga.spinnaker.ScriptedGateStub.empty;
import static dev.dxcp.saga.spinnaker.ScriptedGateStub.json;
import static dev.dxcp.saga.spinnaker.ScriptedGateStub.redirect;
import static dev.dxcp.saga.spinnaker.ScriptedGateStub.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.saga.spinnaker.failure.EngineObservedState;
import dev.dxcp.saga.spinnaker.failure.TriggerFailures;
import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import dev.dxcp.saga.spinnaker.transport.EngineErrorCode;
import dev.dxcp.saga.spinnaker.transport.GateAuth;
import dev.dxcp.saga.spinnaker.transport.GateAuthSettings;
import dev.dxcp.saga.spinnaker.transport.GateSettings;
import dev.dxcp.saga.spinnaker.transport.RetrySettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gate adapter over real HTTP against a scripted stub mounted under a path prefix. */
class HttpGateClientTest {

    private static final String TRIGGER = "/pipelines/dxcp-demo/deploy-demo-service";
    private static final String EXECUTION = "/pipelines/01JCZG6J206A4KPJZ88GGVA8K5";

    private ScriptedGateStub gate;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void startGate() throws IOException {
        gate = ScriptedGateStub.start();
    }

    @AfterEach
    void stopGate() {
        gate.close();
    }

    private GateSettings settings(String baseUrl, GateAuthSettings auth) {
        return new GateSettings(baseUrl, auth, Duration.ofSeconds(2), Duration.ofMillis(400),
                new RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(1)), "dxcp-service");
    }

    private GateClient client() {
        return client(settings(gate.baseUrl(), GateAuthSettings.none()));
    }

    private GateClient client(GateSettings settings) {
        return new HttpGateClient(settings, GateAuth.from(settings, Clock.systemUTC()), waits::add);
    }

    private static TriggerRequest deployRequest() {
        return TriggerRequest.deploy("alice@example.com", "req-123", "idem-1", "demo-service", "0.1.7",
                "s3://dxcp-artifacts/demo-service/demo-service-0.1.7.zip", "dxcp-artifacts",
                "demo-service/demo-service-0.1.7.zip");
    }

    // ---- trigger ----

    @Test
    void triggerPostsTheContractBodyWithUserAndRequestHeadersAndReadsTheRef() {
        gate.on("POST", TRIGGER, json(202, "{\"ref\":\"/pipelines/01JD0000000000000000000000\"}"));

        TriggerResult result = client().trigger("dxcp-demo", "deploy-demo-service", deployRequest());

        assertThat(result.executionId()).isEqualTo("01JD0000000000000000000000");
        assertThat(result.executionUrl()).isEqualTo(gate.baseUrl() + "/pipelines/01JD0000000000000000000000");
        assertThat(result.upstreamRequestId()).isEqualTo("req-202");
        ScriptedGateStub.Recorded post = gate.last();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/gate" + TRIGGER);
        assertThat(post.header("X-Spinnaker-User")).isEqualTo("alice@example.com");
        assertThat(post.header("X-Request-Id")).isEqualTo("req-123");
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        assertThat(post.header("Authorization")).isNull();
        assertThat(Json.of(post.body())).isEqualTo(Json.of("{'type':'manual','user':'alice@example.com',"
                + "'parameters':{'service':'demo-service','version':'0.1.7',"
                + "'artifactRef':'s3://dxcp-artifacts/demo-service/demo-service-0.1.7.zip',"
                + "'s3Bucket':'dxcp-artifacts','s3Key':'demo-service/demo-service-0.1.7.zip'},"
                + "'idempotencyKey':'idem-1'}"));
    }

    @Test
    void rollbackTriggerSendsTargetVersionAndEncodesPipelineNames() {
        gate.on("POST", "/pipelines/dxcp-demo/Rollback%20Demo", json(202, "{\"ref\":\"/pipelines/01R\"}"));

        client().trigger("dxcp-demo", "Rollback Demo",
                TriggerRequest.rollback("bob", "req-9", "idem-9", "demo-service", "0.1.5", "0.1.5"));

        assertThat(Json.of(gate.last().body()).path("parameters")).isEqualTo(
                Json.of("{'service':'demo-service','version':'0.1.5','targetVersion':'0.1.5'}"));
    }

    @Test
    void triggerAnswerWithoutAnExecutionIdIsACallFailure() {
        gate.on("POST", TRIGGER, json(202, "{\"eventId\":\"e-1\"}"));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().trigger("dxcp-demo", "deploy-demo-service", deployRequest()));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_CALL_FAILED);
        assertThat(e.upstreamStatus()).isEqualTo(202);
        assertThat(e.engineUnavailable()).isFalse();
    }

    @Test
    void malformedTriggerAnswerIsACallFailure() {
        gate.on("POST", TRIGGER, json(202, "{\"ref\": "));

        assertThatThrownBy(() -> client().trigger("dxcp-demo", "deploy-demo-service", deployRequest()))
                .isInstanceOfSatisfying(EngineCallException.class,
                        e -> assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_CALL_FAILED));
    }

    @Test
    void redirectIsNotFollowedAndMeansMisconfigured() {
        gate.on("POST", TRIGGER, redirect(302, gate.baseUrl() + "/login?token=abc"))
                .on("GET", "/login", json(200, "{}"));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().trigger("dxcp-demo", "deploy-demo-service", deployRequest()));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_MISCONFIGURED);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.upstreamStatus()).isEqualTo(302);
        assertThat(e.upstreamRequestId()).isEqualTo("req-redirect");
        assertThat(e.location()).isEqualTo("http://127.0.0.1:" + gate.baseUrl().split(":")[2].split("/")[0] + "/...");
        assertThat(e.operatorHint()).contains("upstream_status=302", "location=http://127.0.0.1", "gate_base_url=",
                "request_path=" + TRIGGER, "upstream_request_id=req-redirect").doesNotContain("abc");
        assertThat(gate.count("GET", "/login")).isZero();
    }

    @ParameterizedTest(name = "GET answered {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void everyRedirectStatusIsMisconfiguredAndNotRetried(int status) {
        gate.on("GET", EXECUTION, redirect(status, "https://sso.example.com/authorize?client_secret=x"));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5"));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_MISCONFIGURED);
        assertThat(e.location()).isEqualTo("https://sso.example.com/...");
        assertThat(gate.count("GET", EXECUTION)).isEqualTo(1);
    }

    @Test
    void unauthorizedAnswersMapToEngineUnauthorized() {
        gate.on("POST", TRIGGER, json(401, "{\"error\":\"Unauthorized\",\"message\":\"Full authentication is required\"}"),
                json(403, "{\"status\":403,\"error\":\"Forbidden\",\"message\":\"Access is denied\"}"));
        GateClient client = client();

        EngineCallException first = catchThrowableOfType(EngineCallException.class,
                () -> client.trigger("dxcp-demo", "deploy-demo-service", deployRequest()));
        EngineCallException second = catchThrowableOfType(EngineCallException.class,
                () -> client.trigger("dxcp-demo", "deploy-demo-service", deployRequest()));

        assertThat(first.code()).isEqualTo(EngineErrorCode.ENGINE_UNAUTHORIZED);
        assertThat(first.upstreamStatus()).isEqualTo(401);
        assertThat(second.code()).isEqualTo(EngineErrorCode.ENGINE_UNAUTHORIZED);
        assertThat(second.httpStatus()).isEqualTo(502);
        assertThat(second.engineUnavailable()).isFalse();
    }

    @Test
    void explicitArtifactSignalsMapToArtifactNotFound() {
        gate.on("POST", TRIGGER,
                json(403, "{\"status\":403,\"message\":\"Access denied to artifact s3://dxcp-artifacts/demo.zip\"}"),
                json(400, "{\"status\":400,\"message\":\"Unable to trigger pipeline (application: dxcp-demo). Error: "
                        + "Unmatched expected artifact ExpectedArtifact(id=1) could not be resolved.\"}"));
        GateClient client = client();

        EngineCallException denied = catchThrowableOfType(EngineCallException.class,
                () -> client.trigger("dxcp-demo", "deploy-demo-service", deployRequest()));
        EngineCallException unresolved = catchThrowableOfType(EngineCallException.class,
                () -> client.trigger("dxcp-demo", "deploy-demo-service", deployRequest()));

        assertThat(denied.code()).isEqualTo(EngineErrorCode.ARTIFACT_NOT_FOUND);
        assertThat(denied.httpStatus()).isEqualTo(409);
        assertThat(unresolved.code()).isEqualTo(EngineErrorCode.ARTIFACT_NOT_FOUND);
    }

    @Test
    void pipelineConfigNotFoundIsNeverReadAsArtifactNotFound() {
        gate.on("POST", "/pipelines/dxcp-demo/deploy-artifact", json(404, "{\"status\":404,\"message\":"
                + "\"Unable to trigger pipeline (application: dxcp-demo, pipelineNameOrId: deploy-artifact). Error: "
                + "Pipeline configuration not found (id: deploy-artifact): Status: 404, Method: GET, URL: "
                + "http://front50/pipelines/deploy-artifact, Message: not found\"}"));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().trigger("dxcp-demo", "deploy-artifact", deployRequest()));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_CALL_FAILED);
        assertThat(e.upstreamStatus()).isEqualTo(404);
        assertThat(e.engineUnavailable()).isFalse();
        assertThat(TriggerFailures.toFailure(e, Instant.EPOCH).category()).isEqualTo(FailureCategory.CONFIG);
    }

    @Test
    void proxy5xxWithHtmlBodyIsACallFailureWithEngineUnavailableAndTheTriggerIsNotRetried() {
        gate.on("POST", TRIGGER, with(502, "text/html", "<html><body>Bad Gateway</body></html>"));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().trigger("dxcp-demo", "deploy-demo-service", deployRequest()));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_CALL_FAILED);
        assertThat(e.upstreamStatus()).isEqualTo(502);
        assertThat(e.engineUnavailable()).isTrue();
        assertThat(e.operatorHint()).contains("non-JSON body").doesNotContain("<html>");
        assertThat(e.details(false)).containsEntry("engine_unavailable", true).containsKey("diagnostics");
        assertThat(gate.count("POST", TRIGGER)).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void droppedTriggerConnectionIsUnavailableAndNotRetried() {
        gate.on("POST", TRIGGER, drop());

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().trigger("dxcp-demo", "deploy-demo-service", deployRequest()));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_UNAVAILABLE);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(gate.count("POST", TRIGGER)).isEqualTo(1);
    }

    @Test
    void hangingTriggerTimesOutOnceWithoutRetry() {
        gate.on("POST", TRIGGER, gate.hang());

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().trigger("dxcp-demo", "deploy-demo-service", deployRequest()));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_TIMEOUT);
        assertThat(e.httpStatus()).isEqualTo(504);
        assertThat(gate.count("POST", TRIGGER)).isEqualTo(1);
    }

    // ---- resilience on idempotent calls ----

    @Test
    void getIsRetriedOn5xxAnd429WithGrowingBackoff() {
        gate.on("GET", EXECUTION, with(503, "text/html", "<html>down</html>"), json(429, "{\"message\":\"Rate capacity exceeded\"}"),
                with(200, "application/json", Fixtures.text("execution-running-mid-pipeline.json")));

        ExecutionSnapshot snapshot = client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5");

        assertThat(snapshot).isInstanceOf(ExecutionSnapshot.Found.class);
        assertThat(((ExecutionSnapshot.Found) snapshot).state()).isEqualTo(EngineObservedState.IN_PROGRESS);
        assertThat(gate.count("GET", EXECUTION)).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void retriesAreBoundedAndTheLastAnswerIsReported() {
        gate.on("GET", EXECUTION, json(500, "{\"status\":500,\"message\":\"Orca unavailable\"}"));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5"));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_CALL_FAILED);
        assertThat(e.upstreamStatus()).isEqualTo(500);
        assertThat(e.engineUnavailable()).isTrue();
        assertThat(gate.count("GET", EXECUTION)).isEqualTo(3);
    }

    @Test
    void clientErrorsAreNotRetried() {
        gate.on("GET", EXECUTION, json(400, "{\"message\":\"bad\"}"));

        assertThatThrownBy(() -> client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5"))
                .isInstanceOf(EngineCallException.class);
        assertThat(gate.count("GET", EXECUTION)).isEqualTo(1);
    }

    @Test
    void droppedConnectionOnGetIsRetried() {
        gate.on("GET", EXECUTION, drop(), with(200, "application/json", Fixtures.text("execution-succeeded.json")));

        ExecutionSnapshot snapshot = client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5");

        assertThat(((ExecutionSnapshot.Found) snapshot).state()).isEqualTo(EngineObservedState.SUCCEEDED);
        assertThat(gate.count("GET", EXECUTION)).isEqualTo(2);
    }

    @Test
    void hangingGetTimesOutAfterEveryAttempt() {
        gate.on("GET", EXECUTION, gate.hang());

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5"));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_TIMEOUT);
        assertThat(e.engineUnavailable()).isTrue();
        assertThat(e.upstreamStatus()).isNull();
        assertThat(gate.count("GET", EXECUTION)).isEqualTo(3);
    }

    @Test
    void connectionRefusedIsEngineUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GateClient client = client(settings("http://127.0.0.1:" + closedPort + "/gate", GateAuthSettings.none()));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client.getExecution("01JCZG6J206A4KPJZ88GGVA8K5"));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_UNAVAILABLE);
        assertThat(e.engineUnavailable()).isTrue();
        assertThat(e.details(true)).extractingByKey("diagnostics")
                .asString().contains("engine_host=127.0.0.1:" + closedPort);
        assertThat(waits).hasSize(2);
        assertThat(client.health().up()).isFalse();
        assertThat(client.health().failure()).isEqualTo(EngineErrorCode.ENGINE_UNAVAILABLE);
    }

    @Test
    void unconfiguredEngineIsUnavailable() {
        GateClient client = client(settings(" ", GateAuthSettings.none()));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client.trigger("dxcp-demo", "deploy-demo-service", deployRequest()));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_UNAVAILABLE);
        assertThat(e.operatorHint()).contains("not configured");
        assertThat(client.health().up()).isFalse();
    }

    // ---- polling ----

    @Test
    void unknownExecutionIsNotFoundMeaningNoChange() {
        gate.on("GET", EXECUTION, json(404, "{\"status\":404,\"message\":\"Pipeline not found (id: 01JCZG6J206A4KPJZ88GGVA8K5)\"}"));

        assertThat(client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5"))
                .isEqualTo(new ExecutionSnapshot.NotFound("01JCZG6J206A4KPJZ88GGVA8K5"));
        assertThat(gate.count("GET", EXECUTION)).isEqualTo(1);
    }

    @Test
    void emptyOkBodyOnGetExecutionIsAnError() {
        gate.on("GET", EXECUTION, empty(200));

        EngineCallException e = catchThrowableOfType(EngineCallException.class,
                () -> client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5"));

        assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_CALL_FAILED);
        assertThat(e.upstreamStatus()).isEqualTo(200);
        assertThat(e.engineUnavailable()).isFalse();
    }

    @Test
    void polledFailedExecutionCarriesItsStatusAndNormalizedFailure() {
        gate.on("GET", EXECUTION, with(200, "application/json", Fixtures.text("execution-terminal-timeout.json")));

        ExecutionSnapshot.Found found = (ExecutionSnapshot.Found) client().getExecution("01JCZG6J206A4KPJZ88GGVA8K5");

        assertThat(found.state()).isEqualTo(EngineObservedState.FAILED);
        assertThat(found.engineStatus()).isEqualTo("TERMINAL");
        assertThat(found.failures(Instant.EPOCH)).extracting(f -> f.category()).containsExactly(FailureCategory.TIMEOUT);
        assertThat(gate.last().header("X-Spinnaker-User")).isEqualTo("dxcp-service");
    }

    // ---- cancel, recovery search, discovery, health ----

    @Test
    void cancelPutsReasonAndIsRetriedAsIdempotent() {
        gate.on("PUT", EXECUTION + "/cancel", json(503, "{}"), empty(200));

        client().cancel("01JCZG6J206A4KPJZ88GGVA8K5", "Canary error rate above threshold", "alice@example.com");

        ScriptedGateStub.Recorded put = gate.last();
        assertThat(URLDecoder.decode(put.query(), StandardCharsets.UTF_8))
                .isEqualTo("reason=Canary error rate above threshold&force=false");
        assertThat(put.header("X-Spinnaker-User")).isEqualTo("alice@example.com");
        assertThat(gate.count("PUT", EXECUTION + "/cancel")).isEqualTo(2);
    }

    @Test
    void cancelOfUnknownExecutionFails() {
        gate.on("PUT", EXECUTION + "/cancel", json(404, "{\"message\":\"Pipeline not found\"}"));

        assertThatThrownBy(() -> client().cancel("01JCZG6J206A4KPJZ88GGVA8K5", null))
                .isInstanceOfSatisfying(EngineCallException.class,
                        e -> assertThat(e.upstreamStatus()).isEqualTo(404));
    }

    @Test
    void searchByIdempotencyKeySendsTheEncodedTriggerSubsetAndChecksTheKey() {
        JsonNode canceled = Fixtures.json("execution-canceled-by-user.json");
        gate.on("GET", "/applications/dxcp-demo/executions/search",
                json(200, "[" + Json.of("{'id':'01NEWER','trigger':{'idempotencyKey':'other'}}") + "," + canceled + "]"));

        var found = client().findExecutionByIdempotencyKey("dxcp-demo", "canary-deploy-demo-service", "idem-7b1e0c4a");
        var missing = client().findExecutionByIdempotencyKey("dxcp-demo", "canary-deploy-demo-service", "idem-none");

        assertThat(found).contains("01JCZG6J206A4KPJZ88GGVA8K5");
        assertThat(missing).isEmpty();
        String query = URLDecoder.decode(gate.requests().get(0).query(), StandardCharsets.UTF_8);
        assertThat(query).startsWith("pipelineName=canary-deploy-demo-service&trigger=");
        String trigger = query.substring(query.indexOf("trigger=") + "trigger=".length());
        assertThat(Json.of(new String(Base64.getDecoder().decode(trigger), StandardCharsets.UTF_8)))
                .isEqualTo(Json.of("{'idempotencyKey':'idem-7b1e0c4a'}"));
    }

    @Test
    void searchRetriesLikeEveryRead() {
        gate.on("GET", "/applications/dxcp-demo/executions/search", json(502, "{}"), json(200, "[]"));

        assertThat(client().findExecutionByIdempotencyKey("dxcp-demo", "deploy", "k")).isEmpty();
        assertThat(gate.count("GET", "/applications/dxcp-demo/executions/search")).isEqualTo(2);
    }

    @Test
    void applicationsAreListedAndFilteredByTagOnTheClient() {
        String apps = Fixtures.text("applications.json").trim();
        String tagged = apps.substring(0, apps.lastIndexOf(']'))
                + ",{\"name\":\"dxcp-demo\",\"tags\":[\"dxcp\",\"team:payments\"]},{\"name\":\"legacy\",\"dxcp\":\"false\"}]";
        gate.on("GET", "/applications", json(200, tagged));

        assertThat(client().applications(null, null))
                .containsExactly("compute", "ecsapp", "gke", "multiaccount", "20181101t094428", "dxcp-demo", "legacy");
        assertThat(client().applications("dxcp", null)).containsExactly("dxcp-demo", "legacy");
        assertThat(client().applications("team", "payments")).containsExactly("dxcp-demo");
        assertThat(client().applications("cloudProviders", "gce")).containsExactly("compute", "multiaccount");
        assertThat(gate.last().query()).isEqualTo("expand=true");
    }

    @Test
    void pipelineConfigsAreListedByIdAndName() {
        gate.on("GET", "/applications/dxcp-demo/pipelineConfigs", with(200, "application/json",
                Fixtures.text("pipeline-configs.json")));

        assertThat(client().pipelines("dxcp-demo")).containsExactly(
                new PipelineRef("3f1c2a7e-5b8d-4c19-9f0a-6d2e8b7c4a11", "deploy-demo-service"),
                new PipelineRef("8a4e6c2d-1f3b-4e7a-b5c9-0d2f4a6b8c33", "rollback-demo-service"),
                new PipelineRef("c7d9e1f3-2a4b-4c6d-8e0f-1a3b5c7d9e55", "canary-deploy-demo-service"));
    }

    @Test
    void pipelineConfigsDeniedIsUnauthorized() {
        gate.on("GET", "/applications/dxcp-demo/pipelineConfigs", json(403, "{\"message\":\"Access is denied\"}"));

        assertThatThrownBy(() -> client().pipelines("dxcp-demo")).isInstanceOfSatisfying(EngineCallException.class,
                e -> assertThat(e.code()).isEqualTo(EngineErrorCode.ENGINE_UNAUTHORIZED));
    }

    @Test
    void healthIsUpOnlyOn2xx() {
        gate.on("GET", "/health", json(200, "{\"status\":\"UP\"}"), json(503, "{\"status\":\"DOWN\"}"));
        GateClient client = client();

        HealthStatus up = client.health();
        HealthStatus down = client.health();

        assertThat(up.up()).isTrue();
        assertThat(down.up()).isFalse();
        assertThat(down.upstreamStatus()).isEqualTo(503);
        assertThat(down.failure()).isEqualTo(EngineErrorCode.ENGINE_CALL_FAILED);
    }

    // ---- engine auth modes ----

    @Test
    void staticHeaderModeSendsTheConfiguredHeaderAndNoBearerToken() {
        gate.on("GET", "/health", json(200, "{\"status\":\"UP\"}"));
        GateClient client = client(settings(gate.baseUrl(), new GateAuthSettings.StaticHeader("X-Api-Key", "k3y-s3cret")));

        client.health();

        assertThat(gate.last().header("X-Api-Key")).isEqualTo("k3y-s3cret");
        assertThat(gate.last().header("Authorization")).isNull();
    }
}
