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
        // Browser applications of any origin read the discovery document, keys and tokens (as OIDC providers allow SPAs).
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A CORS preflight: any origin may POST form or JSON bodies here. */
    static void preflight(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization");
        exchange.sendResponseHeaders(204, -1);
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
