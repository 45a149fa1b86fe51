package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Judgment;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each injected failure produces a document structured like the matching fixture: failure
 * information in the same places (spec §7), compared by shape rather than ids and times.
 */
class FailureOutcomesTest {

    private final GateSimulator gate = SteppedGate.start();
    private final GateClient client = new GateClient(gate.baseUrl());

    @AfterEach
    void stop() {
        gate.stop();
    }

    private String deploy(String version) {
        return client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody(version, "k-" + version));
    }

    /** Paths of the documents, with the recorded samples' missing newer-Orca fields allowed. */
    private static void assertSameShape(JsonNode actual, JsonNode fixture) {
        Set<String> expected = Fixtures.shape(fixture);
        Set<String> extra = Fixtures.shape(actual).stream().filter(path -> !expected.contains(path)).collect(Collectors.toSet());
        assertThat(Fixtures.shape(actual)).containsAll(expected);
        assertThat(extra).allMatch(path -> Fixtures.NEWER_ORCA_FIELDS.stream().anyMatch(path::contains), "only newer Orca fields");
    }

    @Test
    void controllerErrorEndsTerminalWithTheCodeOnlyInContextWebhookBody() {
        gate.outcomes().forParameter("version", "9.9.9-fail", Outcome.controllerError("artifact_bucket_mismatch"));
        String id = deploy("9.9.9-fail");
        gate.advance(Duration.ofSeconds(5));

        JsonNode actual = client.execution(id);
        JsonNode fixture = Fixtures.load("execution-terminal-webhook-400-controller-error.json");
        assertThat(actual.get("status").asText()).isEqualTo("TERMINAL");
        assertThat(Fixtures.keys(actual)).isEqualTo(Fixtures.keys(fixture));
        JsonNode stage = actual.at("/stages/0");
        JsonNode fixtureStage = fixture.at("/stages/0");
        assertThat(Fixtures.shape(stage)).isEqualTo(Fixtures.shape(fixtureStage));
        assertThat(stage.at("/context/webhook/body/error").asText()).isEqualTo("artifact_bucket_mismatch");
        assertThat(stage.at("/context/webhook/statusCode").asText()).isEqualTo("BAD_REQUEST");
        assertThat(stage.at("/context/webhook/statusCodeValue").asInt()).isEqualTo(400);
        assertThat(stage.at("/context/webhook/error").asText()).isEqualTo("Error submitting webhook for pipeline " + id
                + " to https://controller.example.internal/deploy with status code 400.");
        assertThat(stage.at("/context").has("exception")).isFalse();
        assertThat(stage.at("/tasks/0/taskExceptionDetails").size()).isZero();
        assertThat(stage.at("/tasks/0/status").asText()).isEqualTo("TERMINAL");
    }

    @ParameterizedTest
    @CsvSource({"missing_service,400", "unknown_service,404", "no_previous_artifact,409",
            "invalid_previous_artifact,409", "unauthorized,401", "method_not_allowed,405"})
    void everyControllerCodeLandsInWebhookBodyWithItsStatus(String code, int status) {
        gate.outcomes().nextTriggers(1, Outcome.controllerError(code));
        String id = client.triggerOk("dxcp-demo", "rollback", "{\"parameters\":{\"service\":\"s\",\"version\":\"1\"}}");
        gate.advance(Duration.ofSeconds(5));

        JsonNode webhook = client.execution(id).at("/stages/0/context/webhook");
        assertThat(webhook.at("/body/error").asText()).isEqualTo(code);
        assertThat(webhook.get("statusCodeValue").asInt()).isEqualTo(status);
        assertThat(client.execution(id).get("status").asText()).isEqualTo("TERMINAL");
    }

    @Test
    void webhook5xxRetriesThenTimesOutLikeTheTimeoutFixture() {
        gate.outcomes().forPipeline("deploy-demo-service", Outcome.webhookUnavailable());
        String id = deploy("0.1.6");
        gate.advance(Duration.ofSeconds(30));

        JsonNode retrying = client.execution(id);
        assertThat(retrying.get("status").asText()).isEqualTo("RUNNING");
        assertThat(retrying.at("/stages/0/status").asText()).isEqualTo("RUNNING");
        assertThat(retrying.at("/stages/0/context/webhook/error").asText()).endsWith("with status code 503, will retry.");
        assertThat(retrying.at("/stages/0/context").has("exception")).isFalse();

        gate.advance(Duration.ofMinutes(5));
        JsonNode actual = client.execution(id);
        JsonNode fixture = Fixtures.load("execution-terminal-timeout.json");
        assertThat(actual.get("status").asText()).isEqualTo("TERMINAL");
        assertThat(Fixtures.shape(actual.at("/stages/0"))).isEqualTo(Fixtures.shape(fixture.at("/stages/0")));
        JsonNode exception = actual.at("/stages/0/context/exception");
        assertThat(exception.get("exceptionType").asText()).isEqualTo("TimeoutException");
        assertThat(exception.get("operation").asText()).isEqualTo("createWebhook");
        assertThat(exception.at("/details/error").asText()).isEqualTo("Unexpected Task Failure");
        assertThat(exception.at("/details/errors/0").asText()).isEqualTo("CreateWebhookTask of stage deploy-artifact "
                + "timed out after 5 minutes. pausedDuration: 0 seconds, elapsedTime: 5 minutes, timeoutValue: 5 minutes");
        assertThat(actual.at("/stages/0/tasks/0/taskExceptionDetails/exception")).isEqualTo(exception);
        long taskStart = actual.at("/stages/0/tasks/0/startTime").asLong();
        assertThat(actual.at("/stages/0/tasks/0/endTime").asLong() - taskStart).isEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void webhookTimeoutIsConfigurable() {
        gate.stop();
        try (GateSimulator quick = GateSimulator.start(SteppedGate.config().webhookTimeout(Duration.ofSeconds(20)).build())) {
            quick.outcomes().forPipeline("deploy-demo-service", Outcome.webhookUnavailable(502));
            GateClient quickClient = new GateClient(quick.baseUrl());
            String id = quickClient.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1", "k"));
            quick.advance(Duration.ofSeconds(21));
            JsonNode actual = quickClient.execution(id);
            assertThat(actual.get("status").asText()).isEqualTo("TERMINAL");
            assertThat(actual.at("/stages/0/context/webhook/statusCode").asText()).isEqualTo("BAD_GATEWAY");
            assertThat(actual.at("/stages/0/context/exception/details/errors/0").asText()).contains("timeoutValue: 20 seconds");
        }
    }

    @Test
    void failFastStatusTerminatesAtOnce() {
        gate.outcomes().forPipeline("deploy-demo-service", Outcome.webhookFailFast());
        String id = deploy("1");
        gate.advance(Duration.ofSeconds(2));
        JsonNode webhook = client.execution(id).at("/stages/0/context/webhook");
        assertThat(client.execution(id).get("status").asText()).isEqualTo("TERMINAL");
        assertThat(webhook.get("statusCodeValue").asInt()).isEqualTo(504);
        assertThat(webhook.get("error").asText()).startsWith("Received status code 504, which is configured to fail fast");
        assertThat(webhook.get("body").isTextual()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"CONNECTION_REFUSED,Connection refused", "READ_TIMEOUT,Read timed out"})
    void clientExceptionsTerminateWithAnExceptionOccurredText(Outcome.Kind kind, String cause) {
        gate.outcomes().nextTriggers(1, kind == Outcome.Kind.CONNECTION_REFUSED ? Outcome.connectionRefused() : Outcome.readTimeout());
        String id = deploy("1");
        gate.advance(Duration.ofSeconds(2));

        JsonNode stage = client.execution(id).at("/stages/0");
        assertThat(client.execution(id).get("status").asText()).isEqualTo("TERMINAL");
        assertThat(stage.at("/context/webhook/error").asText())
                .startsWith("An exception occurred for pipeline " + id + " performing a request to https://controller.example.internal/deploy. ")
                .endsWith(cause);
        assertThat(stage.at("/context/webhook").has("statusCodeValue")).isFalse();
    }

    @Test
    void unresolvedArtifactIsAnInvalidRequestExceptionLikeTheRecordedSample() {
        gate.outcomes().forPipeline("deploy-demo-service", Outcome.artifactUnresolved());
        String id = deploy("1");
        gate.advance(Duration.ofSeconds(2));

        JsonNode actual = client.execution(id);
        JsonNode fixture = Fixtures.load("execution-terminal-artifact-unresolved.json");
        assertThat(actual.get("status").asText()).isEqualTo("TERMINAL");
        JsonNode exception = actual.at("/stages/0/context/exception");
        JsonNode recorded = fixture.at("/stages/0/context/exception");
        assertThat(Fixtures.shape(exception)).isEqualTo(Fixtures.shape(recorded));
        assertThat(exception.get("exceptionType").asText()).isEqualTo("InvalidRequestException");
        assertThat(exception.at("/details/errors/0").asText()).startsWith("Unmatched expected artifact ExpectedArtifact(")
                .contains("s3://dxcp-artifacts/demo-service/demo-service-1.zip").endsWith("could not be resolved.");
        assertThat(actual.at("/stages/0/tasks/0/taskExceptionDetails/exception")).isEqualTo(exception);
        assertSameShape(actual.at("/stages/0/tasks"), fixture.at("/stages/0/tasks"));
    }

    @ParameterizedTest
    @CsvSource({"STAGE_TYPE_MISSING,Could not find a stage named 'dxcpDeploy'",
            "STAGE_NOT_PERMITTED,User 'anonymous' is not allowed to execute stage named 'dxcpDeploy'"})
    void planningFailureHasNoTasksAndNamesTheStage(Outcome.Kind kind, String message) {
        gate.outcomes().nextTriggers(1, kind == Outcome.Kind.STAGE_TYPE_MISSING ? Outcome.stageTypeMissing() : Outcome.stageNotPermitted());
        String id = deploy("1");
        gate.advance(Duration.ofSeconds(1));

        JsonNode stage = client.execution(id).at("/stages/0");
        assertThat(client.execution(id).get("status").asText()).isEqualTo("TERMINAL");
        assertThat(stage.get("status").asText()).isEqualTo("TERMINAL");
        assertThat(stage.at("/context/beforeStagePlanningFailed").asBoolean()).isTrue();
        assertThat(stage.at("/context/exception/operation").asText()).isEqualTo("deploy-artifact");
        assertThat(stage.at("/context/exception/details/errors/0").asText()).isEqualTo(message);
        assertThat(stage.get("tasks").size()).isZero();
    }

    @Test
    void startupFailureAnswers400AndLeavesATerminalCanceledBySystemExecution() {
        gate.outcomes().forPipeline("deploy-demo-service", Outcome.failedOnStartup());
        HttpResponse<String> response = client.trigger("dxcp-demo", "deploy-demo-service", GateClient.deployBody("0.1.7", "idem-x"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("message").asText())
                .startsWith("Unable to trigger pipeline (application: dxcp-demo, pipelineNameOrId: deploy-demo-service). Error: Status: 400")
                .endsWith("Message: Pipeline is disabled and cannot be started.");
        gate.advance(Duration.ofMinutes(1));

        JsonNode actual = gate.executions().get(0);
        JsonNode fixture = Fixtures.load("execution-terminal-failed-on-startup.json");
        assertThat(Fixtures.shape(actual)).isEqualTo(Fixtures.shape(fixture));
        assertThat(actual.get("status").asText()).isEqualTo("TERMINAL");
        assertThat(actual.get("canceled").asBoolean()).isTrue();
        assertThat(actual.get("canceledBy").asText()).isEqualTo("system");
        assertThat(actual.get("cancellationReason").asText()).isEqualTo("Failed on startup: Pipeline is disabled and cannot be started.");
        assertThat(actual.at("/stages/0/status").asText()).isEqualTo("NOT_STARTED");
        String search = client.get("/applications/dxcp-demo/executions/search?trigger="
                + GateClient.encodeTriggerSubset(Map.of("idempotencyKey", "idem-x"))).body();
        assertThat(Json.parse(search).at("/0/id").asText()).isEqualTo(actual.get("id").asText());
    }

    @Test
    void disabledPipelineConfigFailsOnStartupWithoutAnyRule() {
        gate.addPipelineConfig(Json.parse("{\"application\":\"dxcp-demo\",\"name\":\"off\",\"disabled\":true,\"stages\":[]}"));
        assertThat(client.trigger("dxcp-demo", "off", "{}").statusCode()).isEqualTo(400);
        assertThat(gate.executions()).singleElement().satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("TERMINAL"));
    }

    @Test
    void judgmentWaitsUntilAnOperatorStopsItLikeTheRecordedStop() {
        gate.outcomes().forPipeline("canary-deploy-demo-service", Outcome.awaitJudgment());
        String id = client.triggerOk("dxcp-demo", "canary-deploy-demo-service", GateClient.deployBody("1", "k"));
        gate.advance(Duration.ofHours(2));
        assertThat(client.execution(id).get("status").asText()).isEqualTo("RUNNING");

        gate.judgment(id, Judgment.STOP, "carol@example.com");
        gate.tick();

        JsonNode actual = client.execution(id);
        JsonNode verdict = Fixtures.stageNamed(actual, "canary-verdict");
        JsonNode recorded = Fixtures.stageNamed(Fixtures.load("execution-terminal-judgment-stop.json"), "Manual Judgment");
        assertThat(actual.get("status").asText()).isEqualTo("TERMINAL");
        assertThat(actual.get("canceled").asBoolean()).as("a stop is a failure, not a cancel").isFalse();
        assertThat(verdict.get("status").asText()).isEqualTo("TERMINAL");
        assertThat(verdict.at("/context/judgmentStatus").asText()).isEqualTo("stop");
        assertThat(verdict.at("/context/lastModifiedBy").asText()).isEqualTo("carol@example.com");
        assertThat(Fixtures.keys(verdict.get("lastModified"))).isEqualTo(Fixtures.keys(recorded.get("lastModified")));
        assertThat(Fixtures.keys(verdict)).isEqualTo(Fixtures.keys(recorded));
        assertThat(Fixtures.stageNamed(actual, "promote-canary").get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(Fixtures.stageNamed(actual, "promote-canary").has("startTime")).isFalse();
    }

    @Test
    void judgmentContinueThroughGatesStagePatchLetsThePipelineFinish() {
        gate.outcomes().forPipeline("canary-deploy-demo-service", Outcome.awaitJudgment());
        String id = client.triggerOk("dxcp-demo", "canary-deploy-demo-service", GateClient.deployBody("1", "k"));
        gate.advance(Duration.ofSeconds(10));
        String stageId = Fixtures.stageNamed(client.execution(id), "canary-verdict").get("id").asText();

        HttpResponse<String> response = client.method("PATCH", "/pipelines/" + id + "/stages/" + stageId,
                "{\"judgmentStatus\":\"continue\"}", "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        gate.advance(Duration.ofSeconds(5));

        assertThat(client.execution(id).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Fixtures.stageNamed(client.execution(id), "canary-verdict").at("/context/judgmentStatus").asText()).isEqualTo("continue");
    }

    @Test
    void judgmentWithNothingWaitingIsRefused() {
        String id = deploy("1");
        assertThatThrownBy(() -> gate.judgment(id, Judgment.CONTINUE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scriptedJudgmentStopNeedsNoOperator() {
        gate.outcomes().nextTriggers(1, Outcome.judgmentStop());
        String id = client.triggerOk("dxcp-demo", "canary-deploy-demo-service", GateClient.deployBody("1", "k"));
        gate.advance(Duration.ofSeconds(10));
        assertThat(client.execution(id).get("status").asText()).isEqualTo("TERMINAL");
    }

    @Test
    void continuePipelineStageFailsAsFailedContinueInsideASucceededExecution() {
        gate.addPipelineConfig(Json.parse("""
                {"application":"dxcp-demo","name":"tolerant","limitConcurrent":true,"keepWaitingPipelines":false,
                 "stages":[
                   {"refId":"1","requisiteStageRefIds":[],"type":"webhook","name":"Webhook","method":"GET",
                    "url":"https://example.invalid/users","continuePipeline":true,"failPipeline":false},
                   {"refId":"2","requisiteStageRefIds":["1"],"type":"evaluateVariables","name":"Evaluate Variables"}]}
                """));
        gate.outcomes().forPipeline("tolerant", Outcome.webhookRejected(404, "\"Not found\""));
        String id = client.triggerOk("dxcp-demo", "tolerant", "{}");
        gate.advance(Duration.ofSeconds(5));

        JsonNode actual = client.execution(id);
        JsonNode webhook = Fixtures.stageNamed(actual, "Webhook");
        JsonNode recorded = Fixtures.stageWithStatus(Fixtures.load("execution-terminal-webhook-404.json"), "FAILED_CONTINUE");
        assertThat(actual.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(webhook.get("status").asText()).isEqualTo("FAILED_CONTINUE");
        assertThat(webhook.at("/tasks/0/status").asText()).isEqualTo("FAILED_CONTINUE");
        assertThat(Fixtures.keys(webhook.at("/context/webhook"))).containsAll(Fixtures.keys(recorded.at("/context/webhook")));
        assertThat(webhook.at("/context/webhook/body").asText()).isEqualTo("\"Not found\"");
        assertThat(Fixtures.stageNamed(actual, "Evaluate Variables").get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void stoppedBranchLeavesTheExecutionSucceededAndItsDownstreamUnreached() {
        gate.addPipelineConfig(Json.parse("""
                {"application":"dxcp-demo","name":"optional-step","stages":[
                   {"refId":"1","requisiteStageRefIds":[],"type":"webhook","name":"notify","url":"https://x.invalid","failPipeline":false},
                   {"refId":"2","requisiteStageRefIds":["1"],"type":"wait","name":"after-notify"},
                   {"refId":"3","requisiteStageRefIds":[],"type":"wait","name":"main"}]}
                """));
        gate.outcomes().forPipeline("optional-step", Outcome.controllerError("missing_service").atStage("1"));
        String id = client.triggerOk("dxcp-demo", "optional-step", "{}");
        gate.advance(Duration.ofSeconds(10));

        JsonNode actual = client.execution(id);
        assertThat(Fixtures.stageNamed(actual, "notify").get("status").asText()).isEqualTo("STOPPED");
        assertThat(Fixtures.stageNamed(actual, "after-notify").get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(Fixtures.stageNamed(actual, "main").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(actual.get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void terminalStageCancelsTheBranchesStillRunning() {
        gate.addPipelineConfig(Json.parse("""
                {"application":"dxcp-demo","name":"two-branches","stages":[
                   {"refId":"1","requisiteStageRefIds":[],"type":"dxcpDeploy","name":"deploy","payload":{}},
                   {"refId":"2","requisiteStageRefIds":[],"type":"wait","name":"slow","waitTime":60}]}
                """));
        gate.outcomes().forPipeline("two-branches", Outcome.controllerError("unknown_service"));
        String id = client.triggerOk("dxcp-demo", "two-branches", "{}");
        gate.advance(Duration.ofSeconds(5));

        JsonNode actual = client.execution(id);
        assertThat(actual.get("status").asText()).isEqualTo("TERMINAL");
        assertThat(Fixtures.stageNamed(actual, "slow").get("status").asText()).isEqualTo("CANCELED");
        assertThat(Fixtures.stageNamed(actual, "slow").at("/tasks/0/status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void nextTriggersWinOverParameterRulesWhichWinOverPipelineRules() {
        gate.outcomes()
                .forPipeline("deploy-demo-service", Outcome.controllerError("missing_service"))
                .forParameter("version", "2", Outcome.controllerError("artifact_bucket_mismatch"))
                .nextTriggers(1, Outcome.succeed());
        // One at a time: the pipeline is limitConcurrent and would supersede queued runs.
        String first = deploy("2");
        gate.advance(Duration.ofSeconds(5));
        String second = deploy("2");
        gate.advance(Duration.ofSeconds(5));
        String third = deploy("3");
        gate.advance(Duration.ofSeconds(5));

        assertThat(client.execution(first).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(client.execution(second).at("/stages/0/context/webhook/body/error").asText()).isEqualTo("artifact_bucket_mismatch");
        assertThat(client.execution(third).at("/stages/0/context/webhook/body/error").asText()).isEqualTo("missing_service");
    }

    @Test
    void outcomeOnAnotherPipelineLeavesThisOneAlone() {
        gate.outcomes().forPipeline("rollback-demo-service", Outcome.controllerError("no_previous_artifact"));
        String id = deploy("1");
        gate.advance(Duration.ofSeconds(5));
        assertThat(client.execution(id).get("status").asText()).isEqualTo("SUCCEEDED");
    }
}
