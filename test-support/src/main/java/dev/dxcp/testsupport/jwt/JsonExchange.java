package dev.dxcp.testsupport.jwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing JSON answers on the JDK HTTP server, the one thing every endpoint of the issuer does. */
final class JsonExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonExchange() {
    }

    static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
