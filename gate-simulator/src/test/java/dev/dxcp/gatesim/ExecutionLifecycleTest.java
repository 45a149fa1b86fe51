package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clock-driven life cycle: times are the simulated clock's, so they can be asserted exactly. */
class ExecutionLifecycleTest {

    private final GateSimulator gate = SteppedGate.start();
    private final GateClient client = new GateClient(gate.baseUrl());
    private final long t0 = gate.clock().millis();

    @AfterEach
    void stop() {
        gate.stop();
    }

    @Test
    void executionIsNotStartedAtTriggerThenRunningAfterTheStartDelayThenSucceeded() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1.0.0", "k"));

        JsonNode created = client.execution(id);
        assertThat(created.get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(created.get("buildTime").asLong()).isEqualTo(t0);
        assertThat(created.has("startTime")).isFalse();
        assertThat(created.has("endTime")).isFalse();
        assertThat(created.at("/stages/0/status").asText()).isEqualTo("NOT_STARTED");
        assertThat(created.at("/stages/0").has("startTime")).isFalse();
        assertThat(created.at("/stages/0/tasks").size()).isZero();

        gate.advance(Duration.ofMillis(100));
        JsonNode running = client.execution(id);
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.get("startTime").asLong()).isEqualTo(t0 + 100);
        assertThat(running.has("endTime")).isFalse();
        assertThat(running.at("/stages/0/status").asText()).isEqualTo("RUNNING");
        assertThat(running.at("/stages/0/tasks/0/status").asText()).isEqualTo("RUNNING");
        assertThat(running.at("/stages/0/tasks/0").has("endTime")).isFalse();

        gate.advance(Duration.ofSeconds(1));
        JsonNode done = client.execution(id);
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("endTime").asLong()).isEqualTo(t0 + 1100);
        assertThat(done.at("/stages/0/endTime").asLong()).isEqualTo(t0 + 1100);
        assertThat(done.at("/stages/0/tasks/0/endTime").asLong()).isEqualTo(t0 + 1100);
    }

    @Test
    void nothingMovesWithoutAStepOfTheClock() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1.0.0", "k"));
        GateClient.sleep(300);
        assertThat(client.execution(id).get("status").asText()).isEqualTo("NOT_STARTED");
    }

    @Test
    void stagesRunInGraphOrderAndTheCanaryJudgmentContinuesByDefault() {
        String id = client.triggerOk("dxcp-demo", "canary-deploy-demo-service", GateClient.deployBody("1.0.0", "k"));
        gate.advance(Duration.ofMillis(100));
        gate.advance(Duration.ofSeconds(1));

        JsonNode afterFirst = client.execution(id);
        assertThat(Fixtures.stageNamed(afterFirst, "deploy-canary").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Fixtures.stageNamed(afterFirst, "canary-verdict").get("status").asText()).isEqualTo("RUNNING");
        assertThat(Fixtures.stageNamed(afterFirst, "promote-canary").get("status").asText()).isEqualTo("NOT_STARTED");

        gate.advance(Duration.ofSeconds(5));
        JsonNode done = client.execution(id);
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode verdict = Fixtures.stageNamed(done, "canary-verdict");
        assertThat(verdict.at("/context/judgmentStatus").asText()).isEqualTo("continue");
        assertThat(verdict.at("/lastModified/user").asText()).isEqualTo("anonymous");
        assertThat(Fixtures.stageNamed(done, "promote-canary").get("startTime").asLong())
                .isEqualTo(verdict.get("endTime").asLong());
        assertThat(done.get("endTime").asLong()).isEqualTo(t0 + 100 + 3000);
    }

    @Test
    void runningCanaryHasTheShapeOfTheRunningFixture() {
        gate.outcomes().forPipeline("canary-deploy-demo-service", Outcome.awaitJudgment());
        String id = client.triggerOk("dxcp-demo", "canary-deploy-demo-service", GateClient.deployBody("0.1.6", "k"));
        gate.advance(Duration.ofMinutes(10));

        JsonNode actual = client.execution(id);
        JsonNode fixture = Fixtures.load("execution-running-mid-pipeline.json");
        assertThat(actual.get("status").asText()).isEqualTo("RUNNING");
        assertThat(Fixtures.keys(actual)).isEqualTo(Fixtures.keys(fixture));
        for (String stage : new String[] {"deploy-canary", "canary-verdict", "promote-canary"}) {
            JsonNode actualStage = Fixtures.stageNamed(actual, stage);
            JsonNode fixtureStage = Fixtures.stageNamed(fixture, stage);
            assertThat(actualStage.get("status")).as(stage).isEqualTo(fixtureStage.get("status"));
            assertThat(Fixtures.keys(actualStage)).as(stage).isEqualTo(Fixtures.keys(fixtureStage));
            assertThat(Fixtures.shape(actualStage.get("tasks"))).as(stage).isEqualTo(Fixtures.shape(fixtureStage.get("tasks")));
        }
        assertThat(Fixtures.shape(Fixtures.stageNamed(actual, "deploy-canary").at("/context/webhook")))
                .containsAll(Fixtures.shape(Fixtures.stageNamed(fixture, "deploy-canary").at("/context/webhook")).stream()
                        .filter(path -> !path.startsWith("body.")).toList());
    }

    @Test
    void parallelBranchesRunTogetherAndJoinWaitsForBoth() {
        gate.addPipelineConfig(Json.parse("""
                {"application":"dxcp-demo","name":"fan-out","limitConcurrent":true,"keepWaitingPipelines":false,
                 "stages":[
                   {"refId":"a","requisiteStageRefIds":[],"type":"wait","name":"short","waitTime":1},
                   {"refId":"b","requisiteStageRefIds":[],"type":"wait","name":"long","waitTime":3},
                   {"refId":"c","requisiteStageRefIds":["a","b"],"type":"evaluateVariables","name":"join"}]}
                """));
        String id = client.triggerOk("dxcp-demo", "fan-out", "{}");
        gate.advance(Duration.ofMillis(100));
        gate.advance(Duration.ofSeconds(2));

        JsonNode midway = client.execution(id);
        assertThat(Fixtures.stageNamed(midway, "short").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Fixtures.stageNamed(midway, "long").get("status").asText()).isEqualTo("RUNNING");
        assertThat(Fixtures.stageNamed(midway, "join").get("status").asText()).isEqualTo("NOT_STARTED");

        gate.advance(Duration.ofSeconds(5));
        JsonNode done = client.execution(id);
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Fixtures.stageNamed(done, "join").get("startTime").asLong()).isEqualTo(t0 + 100 + 3000);
        assertThat(Fixtures.stageNamed(done, "join").at("/tasks/0/name").asText()).isEqualTo("evaluateVariables");
    }

    @Test
    void missingParameterReferencedByAStageLeavesTheFieldOut() {
        String id = client.triggerOk("dxcp-demo", "rollback", "{\"parameters\":{\"service\":\"s\",\"version\":\"1\"}}");
        JsonNode payload = client.execution(id).at("/stages/0/context/payload");
        assertThat(payload.get("service").asText()).isEqualTo("s");
        assertThat(payload.has("targetVersion")).isFalse();
        assertThat(client.execution(id).at("/stages/0/context").has("url")).as("not planned yet").isFalse();
        gate.advance(Duration.ofMillis(100));
        assertThat(client.execution(id).at("/stages/0/context/url").asText()).isEqualTo("https://controller.example.internal/rollback");
    }

    @Test
    void engineUrlParameterDecidesWhereTheWebhookGoes() {
        String id = client.triggerOk("dxcp-demo", "deploy",
                "{\"parameters\":{\"service\":\"s\",\"version\":\"1\",\"artifactRef\":\"a\",\"engineUrl\":\"http://ctl:9000\"}}");
        gate.advance(Duration.ofMillis(100));
        assertThat(client.execution(id).at("/stages/0/context/url").asText()).isEqualTo("http://ctl:9000/deploy");
    }
}
