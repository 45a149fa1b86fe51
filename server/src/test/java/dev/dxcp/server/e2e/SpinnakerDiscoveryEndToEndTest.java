package dev.dxcp.server.e2e;

import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Engine discovery (api-contract §13): admins only, status reports DOWN instead of failing. */
class SpinnakerDiscoveryEndToEndTest extends EndToEndTest {

    @AfterEach
    void restore() {
        env.gate.faults().clear();
        env.gate.setHealthDown(false);
        env.gate.setAuthMode(AuthMode.ANONYMOUS);
    }

    @Test
    void adminsSeeEngineStatusApplicationsAndPipelines() {
        assertThat(get("/v1/spinnaker/status", admin()).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/v1/spinnaker/applications", admin()).json().path("applications").findValuesAsText("name"))
                .contains("dxcp-demo");
        assertThat(get("/v1/spinnaker/applications/dxcp-demo/pipelines", admin()).json().path("pipelines")
                .findValuesAsText("name")).contains("deploy-demo-service", "rollback-demo-service");
    }

    @Test
    void statusReportsDownWithoutFailingAndListingsAnswerEngineCodes() {
        env.gate.setHealthDown(true);
        Response status = get("/v1/spinnaker/status", admin());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("status").asText()).isEqualTo("DOWN");
        env.gate.setAuthMode(AuthMode.LOGIN_REDIRECT);
        assertError(get("/v1/spinnaker/applications", admin()), 502, "ENGINE_MISCONFIGURED");
        env.gate.setAuthMode(AuthMode.ANONYMOUS);
        env.gate.faults().always(Endpoint.LIST_PIPELINE_CONFIGS, Fault.serverError());
        Response pipelines = get("/v1/spinnaker/applications/dxcp-demo/pipelines", admin());
        assertError(pipelines, 502, "ENGINE_CALL_FAILED");
        assertThat(pipelines.json().path("message").asText()).isEqualTo("Unable to retrieve pipelines");
    }

    @Test
    void onlyPlatformAdminsMayUseDiscovery() {
        for (String token : new String[]{env.identity.ownerToken("o@example.com"), env.identity.observerToken(),
                ci("discovery")}) {
            assertError(get("/v1/spinnaker/status", token), 403, "ROLE_FORBIDDEN");
            assertError(get("/v1/spinnaker/applications", token), 403, "ROLE_FORBIDDEN");
        }
    }
}
