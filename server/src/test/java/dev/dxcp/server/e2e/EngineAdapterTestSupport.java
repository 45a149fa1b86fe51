package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the engine adapter tests. Every test leaves the adapter pointing at the shared simulated
 * Gate ({@code env.gate}) with no credentials, as start-up configured it, and the kill switch off, so
 * the test classes that run later drive the same engine.
 */
abstract class EngineAdapterTestSupport extends AuditTestSupport {
    protected static final String ADAPTER = "/v1/admin/system/engine-adapters/main";
    protected static final String VALIDATE = ADAPTER + "/validate";

    @AfterEach
    void pointTheAdapterBackAtTheSharedGate() {
        restoreBaseline();
        Response restored = put(ADAPTER, freshAdmin(), http(env.gate.baseUrl()));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().path("config").path("gate_url").asText()).isEqualTo(env.gate.baseUrl());
    }

    protected static Map<String, Object> http(String gateUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mode", "http");
        config.put("gate_url", gateUrl);
        return config;
    }

    protected static Map<String, Object> staticHeader(String gateUrl, String name, String value) {
        Map<String, Object> config = http(gateUrl);
        config.put("header_name", name);
        config.put("header_value", value);
        return config;
    }

    protected JsonNode saved(Map<String, Object> config, String... headers) {
        Response response = put(ADAPTER, freshAdmin(), config, headers);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    protected JsonNode currentAdapter() {
        Response response = get(ADAPTER, freshAdmin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A local URL where nothing listens: connections are refused at once. */
    protected static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
