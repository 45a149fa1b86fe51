package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.json.Json;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line as java -jar gate-simulator.jar runs it, started in-process. */
class StandaloneTest {

    @Test
    void launchesWithPortBasePathAuthAndStageDelayAndAnswersHealth() {
        try (GateSimulator gate = GateSimulatorMain.launch("--port", "0", "--bind", "127.0.0.1", "--base-path", "/gate",
                "--auth", "header", "--stage-delay-ms", "0")) {
            assertThat(gate.port()).isPositive();
            assertThat(gate.baseUrl()).endsWith("/gate");
            assertThat(gate.authMode()).isEqualTo(AuthMode.HEADER);
            assertThat(gate.config().timings().stageDelay()).isEqualTo(Duration.ZERO);
            HttpResponse<String> health = new GateClient(gate.baseUrl()).get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Json.parse(health.body()).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void listensOnTheRequestedPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (GateSimulator gate = GateSimulatorMain.launch("--port", String.valueOf(port), "--bind", "127.0.0.1")) {
            assertThat(gate.port()).isEqualTo(port);
            assertThat(new GateClient("http://127.0.0.1:" + port).get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rejectsAnUnknownAuthMode() {
        assertThatThrownBy(() -> GateSimulatorMain.launch("--port", "0", "--auth", "kerberos"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
