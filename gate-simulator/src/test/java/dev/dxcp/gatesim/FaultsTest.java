package dev.dxcp.gatesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.gatesim.json.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults between client and Gate, observed the way a client observes them. */
class FaultsTest {

    private static GateSimulator gate;
    private static GateClient client;

    @BeforeAll
    static void start() {
        gate = GateSimulator.start(GateSimulatorConfig.builder().stageDelay(Duration.ZERO).build());
        client = new GateClient(gate.baseUrl());
    }

    @AfterAll
    static void stop() {
        gate.stop();
    }

    @BeforeEach
    void reset() {
        gate.reset();
    }

    private static long millisOf(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void fixedLatencyDelaysTheAnswerButNotItsContent() {
        gate.faults().on(Endpoint.HEALTH, Fault.latency(Duration.ofMillis(300)), 1);
        HttpResponse<String>[] response = new HttpResponse[1];
        long elapsed = millisOf(() -> response[0] = client.get("/health"));
        assertThat(elapsed).isGreaterThanOrEqualTo(300);
        assertThat(response[0].statusCode()).isEqualTo(200);
        assertThat(millisOf(() -> client.get("/health"))).as("only the next call").isLessThan(300);
    }

    @Test
    void jitteredLatencyStaysWithinItsBounds() {
        gate.faults().always(Endpoint.HEALTH, Fault.latency(Duration.ofMillis(100), Duration.ofMillis(250)));
        for (int i = 0; i < 3; i++) {
            assertThat(millisOf(() -> client.get("/health"))).isBetween(100L, 1_000L);
        }
    }

    @Test
    void hangOutlastsTheClientTimeout() {
        gate.faults().on(Endpoint.GET_EXECUTION, Fault.hang(Duration.ofSeconds(30)), 1);
        GateClient impatient = new GateClient(gate.baseUrl()).withTimeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.sendRaw(impatient.request("/pipelines/anything").GET()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/health").statusCode()).as("other calls are not held up").isEqualTo(200);
    }

    @Test
    void droppedConnectionGivesNoHttpResponseAtAll() {
        // Open-ended: the JDK client silently retries an idempotent GET once on a closed connection.
        gate.faults().always(Endpoint.HEALTH, Fault.dropConnection());
        assertThatThrownBy(() -> client.sendRaw(client.request("/health").GET())).isInstanceOf(IOException.class);
        gate.faults().clear();
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void droppedConnectionBeforeHandlingStartsNothing() {
        gate.faults().on(Endpoint.TRIGGER, Fault.dropConnection(), 1);
        assertThatThrownBy(() -> client.sendRaw(client.request("/pipelines/dxcp-demo/deploy-demo-service")
                .POST(HttpRequest.BodyPublishers.ofString(GateClient.deployBody("1", "lost")))))
                .isInstanceOf(IOException.class);
        assertThat(gate.executions()).isEmpty();
        assertThat(gate.triggerCount()).isZero();
        assertThat(gate.requestCount(Endpoint.TRIGGER)).isEqualTo(1);
    }

    @Test
    void droppedResponseAfterHandlingLeavesAnExecutionFindableByIdempotencyKey() {
        gate.faults().on(Endpoint.TRIGGER, Fault.dropResponse(), 1);
        assertThatThrownBy(() -> client.sendRaw(client.request("/pipelines/dxcp-demo/deploy-demo-service")
                .POST(HttpRequest.BodyPublishers.ofString(GateClient.deployBody("1", "idem-lost")))))
                .isInstanceOf(IOException.class);

        assertThat(gate.triggerCountByIdempotencyKey("idem-lost")).isEqualTo(1);
        HttpResponse<String> search = client.get("/applications/dxcp-demo/executions/search?trigger="
                + GateClient.encodeTriggerSubset(Map.of("idempotencyKey", "idem-lost")));
        JsonNode found = Json.parse(search.body());
        assertThat(found).hasSize(1);
        assertThat(found.at("/0/trigger/idempotencyKey").asText()).isEqualTo("idem-lost");
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void proxyErrorsAnswerHtmlWithoutGatesHeaders(int status) {
        gate.faults().on(Endpoint.GET_EXECUTION, Fault.proxyError(status), 1);
        HttpResponse<String> response = client.get("/pipelines/x");
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.body()).startsWith("<html>").contains(String.valueOf(status));
        assertThat(response.headers().firstValue("X-SPINNAKER-REQUEST-ID")).isEmpty();
    }

    @Test
    void serverErrorIsASpringErrorBody() {
        gate.faults().on(Endpoint.TRIGGER, Fault.serverError(), 1);
        HttpResponse<String> response = client.trigger("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1", "k"));
        JsonNode body = Json.parse(response.body());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Fixtures.keys(body)).containsExactlyInAnyOrder("timestamp", "status", "error", "exception", "message");
        assertThat(body.get("message").asText()).startsWith("Unable to trigger pipeline (application: dxcp-demo")
                .endsWith("java.net.SocketException: Connection reset");
        assertThat(gate.executions()).isEmpty();
    }

    @Test
    void rateLimitAnswers429WithTheRateLimitHeaders() {
        gate.faults().on(Endpoint.ANY, Fault.rateLimited(), 1);
        HttpResponse<String> response = client.get("/applications");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("X-RateLimit-Capacity")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(Long.parseLong(response.headers().firstValue("X-RateLimit-Reset").orElseThrow())).isPositive();
        assertThat(response.headers().firstValue("X-RateLimit-Learning")).isPresent();
        assertThat(Json.parse(response.body()).get("message").asText()).isEqualTo("Rate capacity exceeded");
    }

    @Test
    void malformedJsonCannotBeParsed() {
        gate.faults().on(Endpoint.LIST_APPLICATIONS, Fault.malformedJson(), 1);
        HttpResponse<String> response = client.get("/applications");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> Json.parse(response.body())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptedTriggerWithoutRefStillStartedItsExecution() {
        gate.faults().on(Endpoint.TRIGGER, Fault.missingRef(), 1);
        HttpResponse<String> response = client.trigger("dxcp-demo", "deploy-demo-service", GateClient.deployBody("1", "k"));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Json.parse(response.body()).has("ref")).isFalse();
        assertThat(gate.executions()).hasSize(1);
    }

    @Test
    void faultStrikesExactlyTheNextNCalls() {
        gate.faults().on(Endpoint.HEALTH, Fault.proxyError(503), 2);
        assertThat(client.get("/health").statusCode()).isEqualTo(503);
        assertThat(client.get("/health").statusCode()).isEqualTo(503);
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void openEndedFaultLastsUntilCleared() {
        gate.faults().always(Endpoint.GET_APPLICATION, Fault.proxyError(502));
        for (int i = 0; i < 4; i++) {
            assertThat(client.get("/applications/dxcp-demo").statusCode()).isEqualTo(502);
        }
        assertThat(client.get("/health").statusCode()).as("other endpoints unaffected").isEqualTo(200);
        gate.faults().clear();
        assertThat(client.get("/applications/dxcp-demo").statusCode()).isEqualTo(200);
    }

    @Test
    void healthGoesDownOnDemand() {
        gate.setHealthDown(true);
        HttpResponse<String> down = client.get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(Json.parse(down.body()).get("status").asText()).isEqualTo("DOWN");
        gate.setHealthDown(false);
        assertThat(Json.parse(client.get("/health").body()).get("status").asText()).isEqualTo("UP");
    }
}
