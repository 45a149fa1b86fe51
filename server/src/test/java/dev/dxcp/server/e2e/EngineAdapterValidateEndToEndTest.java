package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST …/engine-adapters/main/validate: VALID, WARNING or INVALID, with a live health check of the Gate proposed; nothing saved. */
class EngineAdapterValidateEndToEndTest extends EngineAdapterTestSupport {

    @Test
    void aLiveGateIsValidAndSoAreTheSettingsInForce() {
        JsonNode proposed = validated(http(env.gate.baseUrl()));
        assertThat(proposed.path("status").asText()).as(proposed.toString()).isEqualTo("VALID");
        assertThat(proposed.path("summary").asText()).contains("answered its health check");
        assertThat(proposed.path("errors")).isEmpty();
        assertThat(proposed.path("warnings")).isEmpty();

        Response current = TestHttp.send("POST", url(VALIDATE), freshAdmin(), null);
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.json().path("status").asText()).isEqualTo("VALID");
    }

    @Test
    void aGateNobodyAnswersAtIsAWarningNamingTheUrlAndChangesNothing() {
        JsonNode before = currentAdapter();
        JsonNode result = validated(http(deadUrl()));
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("WARNING");
        assertThat(result.path("summary").asText()).contains("not reachable");
        assertThat(result.path("errors")).isEmpty();
        assertThat(result.path("warnings").get(0).path("field").asText()).isEqualTo("gate_url");
        assertThat(result.path("warnings").get(0).path("message").asText()).contains("ENGINE_UNAVAILABLE");
        assertThat(currentAdapter()).isEqualTo(before);
    }

    @Test
    void aGateThatReportsItselfDownIsAWarning() {
        GateSimulator down = GateSimulator.start(GateSimulatorConfig.builder().port(0).build());
        try {
            down.setHealthDown(true);
            JsonNode result = validated(http(down.baseUrl()));
            assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("WARNING");
            down.setHealthDown(false);
            assertThat(validated(http(down.baseUrl())).path("status").asText()).isEqualTo("VALID");
        } finally {
            down.stop();
        }
    }

    @Test
    void unusableSettingsAreInvalidWithTheirFieldsAndNoHealthCheck() {
        int healthChecks = env.gate.requestCount(Endpoint.HEALTH);
        JsonNode result = validated(Map.of("mode", "http", "header_name", "X-Key"));
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("INVALID");
        assertThat(fields(result.path("errors"))).containsExactly("gate_url", "header_value");
        assertThat(result.path("warnings")).isEmpty();

        JsonNode typed = validated(Map.of("mode", 1));
        assertThat(typed.path("status").asText()).isEqualTo("INVALID");
        assertThat(fields(typed.path("errors"))).containsExactly("mode");
        assertThat(env.gate.requestCount(Endpoint.HEALTH)).isEqualTo(healthChecks);
    }

    @Test
    void stubModeIsValidWithoutCallingAnyGate() {
        JsonNode result = validated(Map.of("mode", "stub"));
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("VALID");
        assertThat(result.path("summary").asText()).startsWith("Stub mode");
    }

    @Test
    void plainHttpWithCredentialsIsAWarningEvenWhenGateAnswers() {
        JsonNode result = validated(staticHeader(env.gate.baseUrl(), "X-Gate-Key", "plain-text-secret"));
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("WARNING");
        assertThat(result.path("warnings").get(0).path("message").asText()).contains("plain http");
        assertThat(result.toString()).doesNotContain("plain-text-secret");
    }

    @Test
    void aNameThatIsNoSettingIsAWarningBecauseASaveWouldIgnoreIt() {
        Map<String, Object> proposal = http(env.gate.baseUrl());
        proposal.put("gateUrl", "http://typo.example");
        JsonNode result = validated(proposal);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("WARNING");
        assertThat(result.path("errors")).isEmpty();
        assertThat(fields(result.path("warnings"))).containsExactly("gateUrl");
        assertThat(result.path("warnings").get(0).path("message").asText()).contains("ignored");
    }

    private JsonNode validated(Map<String, Object> proposal) {
        Response response = post(VALIDATE, freshAdmin(), proposal);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> fields(JsonNode problems) {
        List<String> fields = new ArrayList<>();
        problems.forEach(problem -> fields.add(problem.path("field").asText()));
        return fields;
    }
}
