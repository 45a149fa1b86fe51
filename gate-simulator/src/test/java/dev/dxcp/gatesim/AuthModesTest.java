package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.gatesim.json.Json;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §3: who the caller is in each auth mode, and what an unauthenticated call gets. */
class AuthModesTest {

    private GateSimulator gate;

    @AfterEach
    void stop() {
        gate.stop();
    }

    private GateClient start(GateSimulatorConfig.Builder config) {
        gate = GateSimulator.start(config.basePath("/gate").build());
        return new GateClient(gate.baseUrl());
    }

    @Test
    void anonymousModeIgnoresTheUserHeader() {
        GateClient client = start(SteppedGate.config().authMode(AuthMode.ANONYMOUS));
        String id = client.triggerOk("dxcp-demo", "deploy", GateClient.deployBody("1", "k").replace("\"user\":\"alice@example.com\",", ""));
        assertThat(client.execution(id).at("/authentication/user").asText()).isEqualTo("anonymous");
        assertThat(client.execution(id).at("/trigger/user").asText()).isEqualTo("anonymous");
        assertThat(Json.parse(client.get("/auth/user", "X-SPINNAKER-USER", "eve").body()).get("username").asText())
                .isEqualTo("anonymous");
    }

    @Test
    void headerModeTrustsTheUserHeaderButKeepsTheBodyUser() {
        GateClient client = start(SteppedGate.config().authMode(AuthMode.HEADER));
        HttpResponse<String> response = client.trigger("dxcp-demo", "deploy", GateClient.deployBody("1", "k"),
                "X-SPINNAKER-USER", "svc-dxcp");
        String ref = Json.parse(response.body()).get("ref").asText();
        JsonNode execution = client.execution(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(execution.at("/authentication/user").asText()).isEqualTo("svc-dxcp");
        assertThat(execution.at("/trigger/user").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void loginRedirectSends302ToTheLoginPageWithNoBody() {
        GateClient client = start(SteppedGate.config().authMode(AuthMode.LOGIN_REDIRECT));
        HttpResponse<String> response = client.trigger("dxcp-demo", "deploy", GateClient.deployBody("1", "k"),
                "X-SPINNAKER-USER", "alice");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(gate.baseUrl() + "/login");
        assertThat(response.body()).isEmpty();
        assertThat(gate.executions()).isEmpty();
        assertThat(client.get("/pipelines/x").statusCode()).isEqualTo(302);
    }

    @Test
    void healthAndAuthUserNeverRequireLogin() {
        GateClient client = start(SteppedGate.config().authMode(AuthMode.LOGIN_REDIRECT));
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> user = client.get("/auth/user");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).as("no principal: empty body").isEmpty();
    }

    @Test
    void acceptedBearerTokenAuthenticatesAsItsUserAndOutranksTheHeader() {
        GateClient client = start(SteppedGate.config().authMode(AuthMode.LOGIN_REDIRECT).bearerToken("t0k3n", "dxcp-bot"));
        HttpResponse<String> response = client.trigger("dxcp-demo", "deploy", GateClient.deployBody("1", "k"),
                "Authorization", "Bearer t0k3n", "X-SPINNAKER-USER", "alice");
        assertThat(response.statusCode()).isEqualTo(202);
        String ref = Json.parse(response.body()).get("ref").asText();
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        assertThat(client.get("/pipelines/" + id, "Authorization", "Bearer t0k3n").body()).contains("\"user\":\"dxcp-bot\"");
        assertThat(client.trigger("dxcp-demo", "deploy", "{}", "Authorization", "Bearer wrong").statusCode()).isEqualTo(302);
    }

    @Test
    void unauthorizedModeAnswers401WithAJsonBody() {
        GateClient client = start(SteppedGate.config().authMode(AuthMode.UNAUTHORIZED_401));
        HttpResponse<String> response = client.get("/applications");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Json.parse(response.body()).get("error").asText()).isEqualTo("Unauthorized");
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void x509ModeAnswers403() {
        GateClient client = start(SteppedGate.config().authMode(AuthMode.X509_403));
        HttpResponse<String> response = client.put("/pipelines/x/cancel", null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.parse(response.body()).get("status").asInt()).isEqualTo(403);
    }

    @Test
    void authModeCanBeSwitchedAtRuntime() {
        GateClient client = start(SteppedGate.config());
        assertThat(client.get("/applications").statusCode()).isEqualTo(200);
        gate.setAuthMode(AuthMode.UNAUTHORIZED_401);
        assertThat(client.get("/applications").statusCode()).isEqualTo(401);
        gate.reset();
        assertThat(client.get("/applications").statusCode()).isEqualTo(200);
    }

    @Test
    void fiatFiltersListsAndDeniesWithAccessIsDenied() {
        GateClient client = start(SteppedGate.config().authMode(AuthMode.HEADER).fiatEnabled(true)
                .userRoles("ledger-dev", Set.of("ledger-team")));
        gate.addPipelineConfig(Json.parse("{\"application\":\"ledger\",\"name\":\"ship\",\"stages\":[]}"));

        assertThat(client.get("/applications", "X-SPINNAKER-USER", "outsider").body()).doesNotContain("\"ledger\"");
        assertThat(client.get("/applications", "X-SPINNAKER-USER", "ledger-dev").body()).contains("\"ledger\"");
        HttpResponse<String> configs = client.get("/applications/ledger/pipelineConfigs", "X-SPINNAKER-USER", "outsider");
        assertThat(configs.statusCode()).isEqualTo(403);
        assertThat(Json.parse(configs.body()).get("message").asText()).isEqualTo("Access is denied");
        assertThat(client.trigger("ledger", "ship", "{}", "X-SPINNAKER-USER", "outsider").statusCode()).isEqualTo(403);

        HttpResponse<String> allowed = client.trigger("ledger", "ship", "{}", "X-SPINNAKER-USER", "ledger-dev");
        assertThat(allowed.statusCode()).isEqualTo(202);
        String ref = Json.parse(allowed.body()).get("ref").asText();
        HttpResponse<String> hidden = client.get(ref, "X-SPINNAKER-USER", "outsider");
        assertThat(hidden.statusCode()).as("Gate swallows Orca's 403 here").isEqualTo(200);
        assertThat(hidden.body()).isEmpty();
        assertThat(client.put(ref + "/cancel", null, "X-SPINNAKER-USER", "outsider").statusCode()).isEqualTo(403);
    }
}
