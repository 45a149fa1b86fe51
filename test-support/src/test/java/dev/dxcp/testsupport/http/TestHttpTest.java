package dev.dxcp.testsupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestHttpTest {

    private HttpServer echo;
    private String url;

    /** Echoes what arrived, so the test sees the request exactly as a server would. */
    @BeforeEach
    void startEcho() throws IOException {
        echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        echo.createContext("/echo", exchange -> {
            ObjectNode seen = TestHttp.JSON.createObjectNode();
            seen.put("method", exchange.getRequestMethod());
            seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            seen.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            seen.put("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = seen.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("X-Request-Id", "req-1");
            exchange.sendResponseHeaders("DELETE".equals(exchange.getRequestMethod()) ? 405 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        echo.start();
        url = "http://127.0.0.1:" + echo.getAddress().getPort() + "/echo";
    }

    @AfterEach
    void stopEcho() {
        echo.stop(0);
    }

    @Test
    void getSendsTheBearerTokenAndExposesStatusHeadersAndJson() {
        TestHttp.Response response = TestHttp.get(url, "abc.def.ghi");

        assertEquals(200, response.status());
        assertEquals("req-1", response.header("X-Request-Id").orElseThrow());
        assertEquals("GET", response.json().get("method").asText());
        assertEquals("Bearer abc.def.ghi", response.json().get("authorization").asText());
    }

    @Test
    void postSerializesObjectsAsJsonAndAddsExtraHeaders() throws Exception {
        TestHttp.Response response = TestHttp.post(url, "t", Map.of("service", "demo-service"),
                "Idempotency-Key", "key-1");

        JsonNode seen = response.json();
        assertEquals("application/json", seen.get("contentType").asText());
        assertEquals("key-1", seen.get("idempotencyKey").asText());
        assertEquals("demo-service", TestHttp.JSON.readTree(seen.get("body").asText()).get("service").asText());
    }

    @Test
    void stringBodiesAreSentVerbatimAndMissingTokenMeansNoAuthorizationHeader() {
        JsonNode seen = TestHttp.put(url, null, "{\"raw\": true}").json();

        assertEquals("{\"raw\": true}", seen.get("body").asText());
        assertTrue(seen.get("authorization").isNull());
    }

    @Test
    void errorStatusesAreReturnedNotThrown() {
        assertEquals(405, TestHttp.delete(url, "t").status());
    }

    @Test
    void nonJsonBodyFailsWithTheBodyInTheMessage() {
        TestHttp.Response response = new TestHttp.Response(502, null, "<html>bad gateway</html>");
        AssertionError error = assertThrows(AssertionError.class, response::json);
        assertTrue(error.getMessage().contains("bad gateway"));
    }

    @Test
    void unpairedHeadersAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> TestHttp.get(url, null, "lonely"));
    }
}
