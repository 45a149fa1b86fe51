package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability, engine faults through the simulated Gate (the test server's read timeout is 2 s): each
 * fault gives the documented synchronous answer, every deployment reaches a terminal state, a failed
 * one carries exactly one normalized failure without engine vocabulary, and no deployment ever has
 * more than one execution in Gate — also when Gate started one it never answered for.
 */
class ReliabilityEngineFaultsEndToEndTest extends DeploymentTestSupport {

    @AfterEach
    void restoreEngine() {
        env.gate.faults().clear();
        env.gate.outcomes().clear();
        env.gate.setAuthMode(AuthMode.ANONYMOUS);
        cancelUnfinishedExecutions();
    }

    private String owner() {
        return env.identity.ownerToken("engine.faults@example.com");
    }

    @Test
    void aTriggerSlowerThanTheReadTimeoutThatGateStillRunsIsAdoptedNotRepeated() {
        env.gate.faults().on(Endpoint.TRIGGER, Fault.latency(Duration.ofMillis(3000)), 1);
        String id = created(deploy(owner(), intent(service(), "")));
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(executionsOf(id)).isEqualTo(1);
    }

    @Test
    void aGateThatNeverAnswersTheTriggerEndsFailedWithATimeoutAndNoExecution() {
        env.gate.faults().always(Endpoint.TRIGGER, Fault.hang(Duration.ofSeconds(3)));
        // three unanswered attempts and a last search outlast the 10 s trigger wait: 201, then FAILED
        String id = created(deploy(owner(), intent(service(), "")));
        JsonNode record = awaitTerminal(id, Duration.ofSeconds(30));
        assertOneNormalizedFailure(record, "TIMEOUT");
        assertThat(executionsOf(id)).isZero();
    }

    @Test
    void aSustainedRunOfGate500sIsEngineCallFailedMarkedUnavailable() {
        env.gate.faults().always(Endpoint.TRIGGER, Fault.serverError());
        Response refused = deploy(owner(), intent(service(), ""));
        assertError(refused, 502, "ENGINE_CALL_FAILED");
        assertThat(refused.json().path("details").path("engine_unavailable").asBoolean()).isTrue();
        assertThat(refused.json().path("details").path("diagnostics").path("upstream_status").asInt())
                .isEqualTo(500);
        assertOneNormalizedFailure(latestRecord(), "INFRASTRUCTURE");
    }

    @Test
    void aBurstOfProxyErrorsShorterThanTheRetriesStillDeploysOnce() {
        env.gate.faults().on(Endpoint.TRIGGER, Fault.proxyError(502), 2);
        String id = created(deploy(owner(), intent(service(), "")));
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(executionsOf(id)).isEqualTo(1);
    }

    @Test
    void aConnectionResetAfterGateStartedTheExecutionIsAdoptedNotRepeated() {
        env.gate.faults().on(Endpoint.TRIGGER, Fault.dropResponse(), 1);
        String id = created(deploy(owner(), intent(service(), "")));
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(executionsOf(id)).isEqualTo(1);
    }

    @Test
    void aTriggerAnsweredWithBrokenJsonIsAdoptedNotRepeated() {
        env.gate.faults().on(Endpoint.TRIGGER, Fault.malformedJson(), 1);
        String id = created(deploy(owner(), intent(service(), "")));
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(executionsOf(id)).isEqualTo(1);
    }

    @Test
    void aGateRefusingTheClientCertificateIsEngineUnauthorized() {
        env.gate.setAuthMode(AuthMode.X509_403);
        assertError(deploy(owner(), intent(service(), "")), 502, "ENGINE_UNAUTHORIZED");
        assertOneNormalizedFailure(latestRecord(), "POLICY");
    }

    @Test
    void gateRateLimitingTheTriggerIsEngineCallFailed() {
        env.gate.faults().always(Endpoint.TRIGGER, Fault.rateLimited());
        Response refused = deploy(owner(), intent(service(), ""));
        assertError(refused, 502, "ENGINE_CALL_FAILED");
        // a 4xx is the engine's considered answer, not an outage: no diagnostics (governance §13)
        assertThat(refused.json().path("details").path("engine_unavailable").asBoolean()).isFalse();
        assertThat(refused.json().path("details").has("diagnostics")).isFalse();
        assertOneNormalizedFailure(latestRecord(), null);
    }

    @Test
    void statusReadsThatFailOrHangForAWhileDoNotChangeTheOutcome() {
        String service = service();
        String id = created(deploy(owner(), intent(service, registered(service))));
        env.gate.faults().on(Endpoint.GET_EXECUTION, Fault.proxyError(503), 5);
        env.gate.faults().on(Endpoint.GET_EXECUTION, Fault.dropConnection(), 3);
        env.gate.faults().on(Endpoint.GET_EXECUTION, Fault.hang(Duration.ofSeconds(3)), 1);
        env.gate.faults().on(Endpoint.GET_EXECUTION, Fault.latency(Duration.ofMillis(2500)), 1);
        assertThat(awaitTerminal(id, Duration.ofSeconds(30)).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(executionsOf(id)).isEqualTo(1);
    }

    private String serviceWithVersion;

    /** A service in its own group with room for every deploy of a test; registers one build of it. */
    private String service() {
        serviceWithVersion = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 5));
        return serviceWithVersion;
    }

    @Override
    protected Response deploy(String token, Map<String, Object> intent) {
        if (intent.get("version").toString().isEmpty()) {
            intent.put("version", registered(intent.get("service").toString()));
        }
        return super.deploy(token, intent);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private JsonNode latestRecord() {
        return get("/v1/deployments?service=" + serviceWithVersion, admin()).json().get(0);
    }

    private JsonNode awaitTerminal(String id, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode record = get("/v1/deployments/" + id, admin()).json();
            if (List.of("SUCCEEDED", "FAILED", "CANCELED", "ROLLED_BACK").contains(record.path("state").asText())
                    || System.nanoTime() > deadline) {
                return record;
            }
            sleep(100);
        }
    }

    /** FAILED with one failure in the contract's vocabulary (category, when given, as expected). */
    private void assertOneNormalizedFailure(JsonNode record, String category) {
        assertThat(record.path("state").asText()).as(record.toString()).isEqualTo("FAILED");
        JsonNode failures = get("/v1/deployments/" + record.path("id").asText() + "/failures", admin()).json();
        assertThat(failures).hasSize(1);
        if (category != null) {
            assertThat(failures.get(0).path("category").asText()).isEqualTo(category);
        }
        assertThat(failures.get(0).path("summary").asText()).isNotBlank();
        assertThat(failures.toString()).doesNotContainIgnoringCase("spinnaker").doesNotContainIgnoringCase("orca")
                .doesNotContain("dxcpDeploymentId");
    }

}
