package dev.dxcp.saga.spinnaker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import dev.dxcp.saga.spinnaker.transport.GateAuthSettings;
import dev.dxcp.saga.spinnaker.transport.GateCall;
import dev.dxcp.saga.spinnaker.transport.GateSettings;
import dev.dxcp.saga.spinnaker.transport.RetrySettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.dxcp.saga.spinnaker.ScriptedGateStub.drop;
import static dev.dxcp.saga.spinnaker.ScriptedGateStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metrics hook: every engine call reports its operation, outcome and latency, once, after retries. */
class OpsGateCallObserverTest {
    private ScriptedGateStub gate;
    private final List<String> observed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startGate() throws IOException {
        gate = ScriptedGateStub.start();
    }

    @AfterEach
    void stopGate() {
        gate.close();
    }

    private GateClient client() {
        GateSettings settings = new GateSettings(gate.baseUrl(), GateAuthSettings.none(), Duration.ofSeconds(2),
                Duration.ofMillis(400), new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(20)), "dxcp");
        return new HttpGateClient(settings, (operation, outcome, latency) -> {
            assertThat(latency).isPositive();
            observed.add(operation + " " + outcome);
        });
    }

    @Test
    void callsReportTheirOperationAndStatusClass() {
        gate.on("GET", "/health", json(200, "{}"));
        gate.on("POST", "/pipelines/app/deploy", json(200, "{\"ref\":\"/pipelines/01ABC\"}"));
        gate.on("GET", "/pipelines/01ABC", json(200, "{\"id\":\"01ABC\",\"status\":\"RUNNING\"}"));
        gate.on("GET", "/applications/app/pipelineConfigs", json(500, "{}"));
        GateClient client = client();
        client.health();
        client.trigger("app", "deploy", new TriggerRequest("user", "req-1", "key-1", "svc", "1.0.0", null, null,
                null, null, "dep-1"));
        client.getExecution("01ABC");
        assertThatThrownBy(() -> client.pipelines("app")).isInstanceOf(EngineCallException.class);
        assertThat(observed).containsExactly("health 2xx", "trigger 2xx", "execution 2xx", "pipelines 5xx");
    }

    @Test
    void aCallWithoutAnAnswerReportsTheContractCode() {
        gate.on("GET", "/applications", drop());
        assertThatThrownBy(() -> client().applications(null, null)).isInstanceOf(EngineCallException.class);
        assertThat(observed).hasSize(1);
        assertThat(observed.get(0)).startsWith("applications ENGINE_");
    }

    @Test
    void operationsAreNamedFromThePathShape() {
        assertThat(new GateCall("PUT", GatePaths.cancel("01ABC", "stop"), null, java.util.Map.of(), true).operation())
                .isEqualTo("cancel");
        assertThat(new GateCall("GET", GatePaths.searchByIdempotencyKey("app", "deploy", "{}"), null,
                java.util.Map.of(), true).operation()).isEqualTo("search");
        assertThat(new GateCall("GET", GatePaths.applications(), null, java.util.Map.of(), true).operation())
                .isEqualTo("applications");
    }
}
