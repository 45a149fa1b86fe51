package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.artifact.DemoArtifacts;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a deploy answers and records when the engine or the artifact misbehaves (domain §9, §16; seed
 * 000): the engine's error code synchronously, a FAILED record with one normalized failure, and never
 * a second trigger.
 */
class EngineFailuresEndToEndTest extends DeploymentTestSupport {

    @AfterEach
    void restoreEngine() {
        env.gate.faults().clear();
        env.gate.outcomes().clear();
        env.gate.setAuthMode(AuthMode.ANONYMOUS);
        cancelUnfinishedExecutions();
    }

    private String owner() {
        return env.identity.ownerToken("engine.owner@example.com");
    }

    @Test
    void aPipelineFailingOnAControllerErrorEndsFailedWithOneArtifactFailureAndFreesTheLane() {
        String service = serviceInOwnGroup(null, null);
        env.gate.outcomes().forParameter("service", service, Outcome.controllerError("artifact_bucket_mismatch"));
        Response created = deploy(owner(), intent(service, registered(service)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        JsonNode record = awaitTerminal(id);
        assertThat(record.path("state").asText()).isEqualTo("FAILED");
        assertThat(record.path("outcome").asText()).isEqualTo("FAILED");
        JsonNode failures = get("/v1/deployments/" + id + "/failures", admin()).json();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("category").asText()).isEqualTo("ARTIFACT");
        assertThat(failures.get(0).toString()).doesNotContainIgnoringCase("spinnaker").doesNotContain("dxcpDeploy");
        assertThat(texts(get("/v1/deployments/" + id + "/timeline", admin()).json(), "key")).endsWith("failed");
        env.gate.outcomes().clear();
        deployedSuccessfully(owner(), service, registered(service));
    }

    @Test
    void anEngineThatCannotBeReachedAnswers503EngineUnavailableAndARetryRunsAgain() {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 3));
        String version = registered(service);
        env.gate.faults().always(Endpoint.SEARCH_EXECUTIONS, Fault.dropConnection());
        env.gate.faults().always(Endpoint.TRIGGER, Fault.dropConnection());
        String key = UUID.randomUUID().toString();
        Response refused = post("/v1/deployments", owner(), intent(service, version), "Idempotency-Key", key);
        assertError(refused, 503, "ENGINE_UNAVAILABLE");
        assertThat(refused.json().path("details").path("engine_unavailable").asBoolean()).isTrue();
        assertThat(refused.json().path("message").asText()).isEqualTo("Unable to start deployment");
        JsonNode failed = get("/v1/deployments?service=" + service, admin()).json().get(0);
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("failures").get(0).path("category").asText()).isEqualTo("INFRASTRUCTURE");

        env.gate.faults().clear();
        Response retried = post("/v1/deployments", owner(), intent(service, version), "Idempotency-Key", key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.header("Idempotency-Replayed")).contains("false");
        assertThat(awaitTerminal(retried.json().path("id").asText()).path("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aGateRedirectingToALoginPageAnswersEngineMisconfiguredAndIsNotFollowed() {
        String service = serviceInOwnGroup(null, null);
        env.gate.setAuthMode(AuthMode.LOGIN_REDIRECT);
        Response response = deploy(owner(), intent(service, registered(service)));
        assertError(response, 502, "ENGINE_MISCONFIGURED");
        assertThat(response.json().path("failure_cause").asText()).isEqualTo("POLICY_CHANGE");
    }

    @Test
    void aGateRefusingOurCredentialsAnswersEngineUnauthorized() {
        String service = serviceInOwnGroup(null, null);
        env.gate.setAuthMode(AuthMode.UNAUTHORIZED_401);
        assertError(deploy(owner(), intent(service, registered(service))), 502, "ENGINE_UNAUTHORIZED");
    }

    @Test
    void aBriefBurstOfGateErrorsIsRetriedAndTriggersExactlyOnce() {
        String service = serviceInOwnGroup(null, null);
        env.gate.faults().on(Endpoint.TRIGGER, Fault.proxyError(503), 1);
        Response response = deploy(owner(), intent(service, registered(service)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().path("id").asText();
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(env.gate.executions().stream()
                .filter(e -> id.equals(e.path("trigger").path("dxcpDeploymentId").asText()))).hasSize(1);
    }

    @Test
    void anArtifactDeletedAfterRegistrationIsArtifactNotFoundAtValidateAndDeploy() {
        String service = serviceInOwnGroup(null, null);
        String version = registered(service);
        env.artifacts.delete(DxcpTestEnvironment.BUCKET, DemoArtifacts.keyOf(service, version));
        int triggers = env.gate.triggerCount();

        Response validate = post("/v1/deployments/validate", owner(), intent(service, version));
        assertError(validate, 409, "ARTIFACT_NOT_FOUND");
        Response deploy = deploy(owner(), intent(service, version));
        assertError(deploy, 409, "ARTIFACT_NOT_FOUND");
        assertThat(deploy.json().path("message").asText()).contains("rebuild");
        JsonNode record = get("/v1/deployments?service=" + service, admin()).json().get(0);
        assertThat(record.path("state").asText()).isEqualTo("FAILED");
        assertThat(record.path("failures").get(0).path("category").asText()).isEqualTo("ARTIFACT");
        assertThat(env.gate.triggerCount()).isEqualTo(triggers);
    }

    @Test
    void anArtifactWhoseBytesChangedAfterRegistrationFailsBeforeTheEngineIsCalled() {
        String service = serviceInOwnGroup(null, null);
        String version = registered(service);
        env.artifacts.put(DxcpTestEnvironment.BUCKET, DemoArtifacts.keyOf(service, version),
                "tampered".getBytes(StandardCharsets.UTF_8), "application/zip");
        int triggers = env.gate.triggerCount();
        Response deploy = deploy(owner(), intent(service, version));
        assertError(deploy, 400, "INVALID_ARTIFACT");
        JsonNode record = get("/v1/deployments?service=" + service, admin()).json().get(0);
        assertThat(record.path("failures").get(0).path("category").asText()).isEqualTo("ARTIFACT");
        assertThat(env.gate.triggerCount()).isEqualTo(triggers);
    }

    @Test
    void anExecutionCanceledInTheEngineEndsCanceled() {
        String service = serviceInOwnGroup(null, null);
        env.gate.outcomes().forParameter("service", service, Outcome.hang());
        String id = deploy(owner(), intent(service, registered(service))).json().path("id").asText();
        cancelUnfinishedExecutions();
        JsonNode record = awaitTerminal(id);
        assertThat(record.path("state").asText()).isEqualTo("CANCELED");
        assertThat(record.path("outcome").asText()).isEqualTo("CANCELED");
        JsonNode timeline = get("/v1/deployments/" + id + "/timeline", admin()).json();
        assertThat(timeline.get(timeline.size() - 1).path("detail").asText()).containsIgnoringCase("cancel");
    }
}
