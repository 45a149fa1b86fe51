package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §6: limitConcurrent queueing, supersede cancels, correlation id de-duplication. */
class ConcurrencyTest {

    static final String SUPERSEDED = "This execution was queued but then canceled because a newer queued execution "
            + "superceded it. This pipeline is configured to automatically cancel waiting executions.";

    private final GateSimulator gate = SteppedGate.start();
    private final GateClient client = new GateClient(gate.baseUrl());

    @AfterEach
    void stop() {
        gate.stop();
    }

    private String deploy(String version) {
        String id = client.triggerOk("dxcp-demo", "deploy-demo-service", GateClient.deployBody(version, "k-" + version));
        gate.advance(Duration.ofMillis(200));
        return id;
    }

    @Test
    void secondTriggerWaitsNotStartedWhileTheFirstRuns() {
        gate.outcomes().nextTriggers(1, Outcome.hang());
        String first = deploy("1");
        String second = deploy("2");

        assertThat(client.execution(first).get("status").asText()).isEqualTo("RUNNING");
        JsonNode queued = client.execution(second);
        assertThat(queued.get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(queued.has("startTime")).isFalse();

        client.put("/pipelines/" + first + "/cancel", null);
        gate.tick();
        JsonNode started = client.execution(second);
        assertThat(started.get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.get("startTime").asLong()).isEqualTo(client.execution(first).get("endTime").asLong());
    }

    @Test
    void onlyTheNewestWaitingExecutionStartsAndOlderOnesAreSupersededBySpinnaker() {
        gate.outcomes().nextTriggers(1, Outcome.hang());
        String running = deploy("1");
        String older = deploy("2");
        String newer = deploy("3");

        client.put("/pipelines/" + running + "/cancel", null);
        gate.tick();

        JsonNode superseded = client.execution(older);
        assertThat(superseded.get("status").asText()).isEqualTo("CANCELED");
        assertThat(superseded.get("canceled").asBoolean()).isTrue();
        assertThat(superseded.get("canceledBy").asText()).isEqualTo("spinnaker");
        assertThat(superseded.get("cancellationReason").asText()).isEqualTo(SUPERSEDED);
        assertThat(superseded.has("startTime")).isFalse();
        assertThat(superseded.has("endTime")).isFalse();
        assertThat(client.execution(newer).get("status").asText()).isEqualTo("RUNNING");

        gate.advance(Duration.ofSeconds(5));
        assertThat(client.execution(newer).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void keepWaitingPipelinesRunsQueuedExecutionsOneByOneInArrivalOrder() {
        gate.addPipelineConfig(Json.parse("""
                {"application":"dxcp-demo","name":"patient","limitConcurrent":true,"keepWaitingPipelines":true,
                 "stages":[{"refId":"1","requisiteStageRefIds":[],"type":"wait","name":"pause","waitTime":10}]}
                """));
        String first = client.triggerOk("dxcp-demo", "patient", "{}");
        gate.advance(Duration.ofMillis(200));
        String second = client.triggerOk("dxcp-demo", "patient", "{}");
        String third = client.triggerOk("dxcp-demo", "patient", "{}");
        gate.advance(Duration.ofSeconds(10));

        assertThat(client.execution(first).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(client.execution(second).get("status").asText()).isEqualTo("RUNNING");
        assertThat(client.execution(third).get("status").asText()).isEqualTo("NOT_STARTED");
        gate.advance(Duration.ofSeconds(20));
        assertThat(client.execution(third).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(client.execution(third).has("canceledBy")).isFalse();
    }

    @Test
    void differentPipelinesDoNotQueueBehindEachOther() {
        gate.outcomes().nextTriggers(1, Outcome.hang());
        deploy("1");
        String rollback = client.triggerOk("dxcp-demo", "rollback-demo-service", "{\"parameters\":{\"service\":\"s\",\"version\":\"1\"}}");
        gate.advance(Duration.ofMillis(200));
        assertThat(client.execution(rollback).get("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void correlationIdReturnsTheIncompleteExecutionAndStartsANewOneOnceItCompleted() {
        String body = "{\"correlationId\":\"corr-1\",\"parameters\":{\"service\":\"s\",\"version\":\"1\",\"artifactRef\":\"a\"}}";
        String first = client.triggerOk("dxcp-demo", "deploy-demo-service", body);
        String duplicate = client.triggerOk("dxcp-demo", "deploy-demo-service", body);
        assertThat(duplicate).isEqualTo(first);
        assertThat(gate.executions()).hasSize(1);

        gate.advance(Duration.ofSeconds(5));
        assertThat(client.execution(first).get("status").asText()).isEqualTo("SUCCEEDED");
        String later = client.triggerOk("dxcp-demo", "deploy-demo-service", body);
        assertThat(later).isNotEqualTo(first);
        assertThat(client.execution(later).at("/trigger/correlationId").asText()).isEqualTo("corr-1");
    }

    @Test
    void idempotencyKeyHasNoDeduplicationEffect() {
        String body = GateClient.deployBody("1", "same-key");
        String first = client.triggerOk("dxcp-demo", "deploy-demo-service", body);
        String second = client.triggerOk("dxcp-demo", "deploy-demo-service", body);
        assertThat(second).isNotEqualTo(first);
        assertThat(gate.triggerCountByIdempotencyKey("same-key")).isEqualTo(2);
        assertThat(gate.triggerCount()).isEqualTo(2);
    }
}
