package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §2.4: 200 with an empty body, asynchronous completion, queued runs canceled at once. */
class CancelTest {

    private final GateSimulator gate = GateSimulator.start(SteppedGate.config()
            .authMode(AuthMode.HEADER)
            .unknownCancelDelay(Duration.ofMillis(300))
            .build());
    private final GateClient client = new GateClient(gate.baseUrl());

    @AfterEach
    void stop() {
        gate.stop();
    }

    @Test
    void cancelFlagsAtOnceAndReachesCanceledOnTheNextTickLikeTheFixture() {
        gate.outcomes().forPipeline("canary-deploy-demo-service", Outcome.awaitJudgment());
        String id = client.triggerOk("dxcp-demo", "canary-deploy-demo-service", GateClient.deployBody("0.1.6", "k"));
        gate.advance(Duration.ofSeconds(30));

        HttpResponse<String> response = client.put("/pipelines/" + id + "/cancel?reason=Canary%20error%20rate&force=false",
                null, "X-SPINNAKER-USER", "alice@example.com");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();

        JsonNode flagged = client.execution(id);
        assertThat(flagged.get("canceled").asBoolean()).isTrue();
        assertThat(flagged.get("canceledBy").asText()).isEqualTo("alice@example.com");
        assertThat(flagged.get("cancellationReason").asText()).isEqualTo("Canary error rate");
        assertThat(flagged.get("status").asText()).isEqualTo("RUNNING");

        gate.tick();
        JsonNode canceled = client.execution(id);
        JsonNode fixture = Fixtures.load("execution-canceled-by-user.json");
        assertThat(canceled.get("status").asText()).isEqualTo("CANCELED");
        assertThat(canceled.get("endTime").asLong()).isEqualTo(gate.clock().millis());
        assertThat(Fixtures.keys(canceled)).isEqualTo(Fixtures.keys(fixture));
        for (String stage : new String[] {"deploy-canary", "canary-verdict", "promote-canary"}) {
            assertThat(Fixtures.stageNamed(canceled, stage).get("status")).as(stage)
                    .isEqualTo(Fixtures.stageNamed(fixture, stage).get("status"));
            assertThat(Fixtures.keys(Fixtures.stageNamed(canceled, stage))).as(stage)
                    .isEqualTo(Fixtures.keys(Fixtures.stageNamed(fixture, stage)));
        }
        assertThat(Fixtures.stageNamed(canceled, "canary-verdict").at("/tasks/0/status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void cancelOfAQueuedExecutionIsImmediateAndLeavesNoTimes() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1", "k"));

        assertThat(client.put("/pipelines/" + id + "/cancel", null).statusCode()).isEqualTo(200);

        JsonNode execution = client.execution(id);
        assertThat(execution.get("status").asText()).isEqualTo("CANCELED");
        assertThat(execution.get("canceledBy").asText()).isEqualTo("anonymous");
        assertThat(execution.has("cancellationReason")).isFalse();
        assertThat(execution.has("startTime")).isFalse();
        assertThat(execution.has("endTime")).isFalse();
        gate.advance(Duration.ofSeconds(10));
        assertThat(client.execution(id).get("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void cancelOfACompletedExecutionAnswers200AndKeepsItsStatus() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1", "k"));
        gate.advance(Duration.ofSeconds(5));

        assertThat(client.put("/pipelines/" + id + "/cancel?reason=late", null).statusCode()).isEqualTo(200);
        gate.tick();

        JsonNode execution = client.execution(id);
        assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.at("/stages/0/status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void cancelOfAnUnknownIdIsASlow404() {
        long started = System.nanoTime();
        HttpResponse<String> response = client.put("/pipelines/01ARZ3NDEKTSV4RRFFQ69G5FAV/cancel", null);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.parse(response.body()).get("message").asText()).isEqualTo("Pipeline not found (id: 01ARZ3NDEKTSV4RRFFQ69G5FAV)");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void canceledByIsTheResolvedCallerNeverABodyField() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1", "k"));
        client.method("PUT", "/pipelines/" + id + "/cancel", "{\"user\":\"mallory\"}", "X-SPINNAKER-USER", "bob");
        assertThat(client.execution(id).get("canceledBy").asText()).isEqualTo("bob");
    }

    @Test
    void hangingExecutionStaysRunningUntilCanceled() {
        gate.outcomes().forPipeline("deploy-demo-service", Outcome.hang());
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1", "k"));
        gate.advance(Duration.ofHours(6));
        assertThat(client.execution(id).get("status").asText()).isEqualTo("RUNNING");
        assertThat(client.execution(id).at("/stages/0/tasks/0/status").asText()).isEqualTo("RUNNING");

        client.put("/pipelines/" + id + "/cancel", null);
        gate.tick();
        assertThat(client.execution(id).get("status").asText()).isEqualTo("CANCELED");
        assertThat(client.execution(id).at("/stages/0/tasks/0/status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void deprecatedCancelAliasWorks() {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1", "k"));
        assertThat(client.put("/applications/dxcp-demo/pipelines/" + id + "/cancel", null).statusCode()).isEqualTo(200);
        assertThat(client.execution(id).get("status").asText()).isEqualTo("CANCELED");
    }
}
