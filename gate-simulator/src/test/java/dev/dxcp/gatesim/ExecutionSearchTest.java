package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executions search DXCP uses to recover an execution it may have started before a crash. */
class ExecutionSearchTest {

    private final GateSimulator gate = SteppedGate.start();
    private final GateClient client = new GateClient(gate.baseUrl());

    @AfterEach
    void stop() {
        gate.stop();
    }

    private List<String> search(String query) {
        JsonNode found = Json.parse(client.get("/applications/dxcp-demo/executions/search?" + query).body());
        List<String> ids = new ArrayList<>();
        found.forEach(execution -> ids.add(execution.get("id").asText()));
        return ids;
    }

    private String trigger(String pipeline, String key) {
        String id = client.triggerOk("dxcp-demo", pipeline, GateClient.deployBody("1", key));
        gate.advance(Duration.ofSeconds(5));
        return id;
    }

    @Test
    void idempotencyKeySubsetFindsOnlyThatKeysExecutionsNewestFirst() {
        String first = trigger("deploy", "idem-a");
        trigger("deploy", "idem-b");
        String second = trigger("deploy", "idem-a");

        assertThat(search("trigger=" + GateClient.encodeTriggerSubset(Map.of("idempotencyKey", "idem-a"))))
                .containsExactly(second, first);
        assertThat(search("trigger=" + GateClient.encodeTriggerSubset(Map.of("idempotencyKey", "idem-a")) + "&reverse=true"))
                .containsExactly(first, second);
        assertThat(search("trigger=" + GateClient.encodeTriggerSubset(Map.of("idempotencyKey", "idem-z")))).isEmpty();
    }

    @Test
    void nestedSubsetsAndFiltersNarrowTheResult() {
        gate.outcomes().forPipeline("rollback", Outcome.controllerError("no_previous_artifact"));
        String deploy = trigger("deploy", "k1");
        String rollback = trigger("rollback", "k2");

        assertThat(search("pipelineName=rollback")).containsExactly(rollback);
        assertThat(search("statuses=SUCCEEDED")).containsExactly(deploy);
        assertThat(search("statuses=TERMINAL,CANCELED")).containsExactly(rollback);
        String nested = Base64.getEncoder().encodeToString("{\"parameters\":{\"service\":\"demo-service\"},\"type\":\"manual\"}".getBytes());
        assertThat(search("trigger=" + nested)).containsExactly(rollback, deploy);
        assertThat(search("size=1")).containsExactly(rollback);
        assertThat(search("startIndex=1")).containsExactly(deploy);
    }

    @Test
    void withoutExpandStageDetailsAreLeftOut() {
        trigger("deploy", "k");
        JsonNode brief = Json.parse(client.get("/applications/dxcp-demo/executions/search").body()).get(0);
        JsonNode full = Json.parse(client.get("/applications/dxcp-demo/executions/search?expand=true").body()).get(0);
        assertThat(brief.at("/stages/0/context").size()).isZero();
        assertThat(full.at("/stages/0/context/webhook").isObject()).isTrue();
        assertThat(brief.at("/trigger/idempotencyKey").asText()).isEqualTo("k");
    }

    @Test
    void undecodableTriggerIs400() {
        assertThat(client.get("/applications/dxcp-demo/executions/search?trigger=not-base64!!").statusCode()).isEqualTo(400);
        // "hello": base64 all right, but not JSON.
        assertThat(client.get("/applications/dxcp-demo/executions/search?trigger=aGVsbG8=").statusCode()).isEqualTo(400);
    }
}
