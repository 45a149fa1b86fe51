package dev.dxcp.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers the embedded server cannot be made to give (a policy refusal, a server fault),
 * served by a few lines of HTTP so the store's mapping of them is still tested end to end.
 */
class ForbiddenAndFailingStoreTest {

    private HttpServer server;
    private S3ArtifactStore store;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/artifacts/denied.zip", exchange -> answer(exchange, 403,
                "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));
        server.createContext("/artifacts/broken.zip", exchange -> answer(exchange, 500,
                "<Error><Code>InternalError</Code><Message>boom</Message></Error>"));
        server.start();
        store = new S3ArtifactStore(S3StoreSettings.s3Compatible(
                java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "key", "secret"));
    }

    @AfterEach
    void stop() {
        store.close();
        server.stop(0);
    }

    @Test
    void accessDeniedIsDeniedNotMissingNorUnavailable() {
        assertThat(store.head("artifacts", "denied.zip")).isEqualTo(ObjectLookup.DENIED);
    }

    @Test
    void serverErrorIsUnavailableSoThePreflightIsSkipped() {
        assertThat(store.head("artifacts", "broken.zip")).isInstanceOfSatisfying(ObjectLookup.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("500"));
    }

    private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
