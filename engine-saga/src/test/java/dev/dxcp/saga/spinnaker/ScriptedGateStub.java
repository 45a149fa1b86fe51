package dev.dxcp.saga.spinnaker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A tiny scripted Gate on the JDK's HTTP server, mounted under a path prefix like a real Gate often is.
 * Each "METHOD path" gets a list of answers used in turn (the last one repeats); every request is recorded.
 */
final class ScriptedGateStub implements AutoCloseable {

    static final String PREFIX = "/gate";

    /** What the stub does with one request. */
    @FunctionalInterface
    interface Answer {
        void respond(HttpExchange exchange) throws IOException;
    }

    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gate-stub");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Answer>> script = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private ScriptedGateStub(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static ScriptedGateStub start() throws IOException {
        return new ScriptedGateStub(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static ScriptedGateStub start(HttpsServer https) {
        return new ScriptedGateStub(https);
    }

    String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    ScriptedGateStub on(String method, String path, Answer... answers) {
        script.put(method + " " + PREFIX + path, List.of(answers));
        return this;
    }

    List<Recorded> requests() {
        return requests;
    }

    long count(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(PREFIX + path)).count();
    }

    Recorded last() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        String key = exchange.getRequestMethod() + " " + path;
        List<Answer> answers = script.get(key);
        if (answers == null) {
            json(404, "{\"status\":404,\"error\":\"Not Found\",\"message\":\"no script for " + key + "\"}")
                    .respond(exchange);
            return;
        }
        int n = served.merge(key, 1, Integer::sum) - 1;
        answers.get(Math.min(n, answers.size() - 1)).respond(exchange);
    }

    // ---- answers ----

    static Answer json(int status, String body) {
        return with(status, "application/json", body);
    }

    static Answer with(int status, String contentType, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.getResponseHeaders().add("X-SPINNAKER-REQUEST-ID", "req-" + status);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        };
    }

    static Answer empty(int status) {
        return with(status, "application/json", "");
    }

    static Answer redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.getResponseHeaders().add("X-SPINNAKER-REQUEST-ID", "req-redirect");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        };
    }

    /** Closes the connection without answering, like a proxy dropping it. */
    static Answer drop() {
        return HttpExchange::close;
    }

    /** Never answers until the stub closes. */
    Answer hang() {
        return exchange -> {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    static List<String> headerValues(Recorded r, String name) {
        List<String> values = new ArrayList<>();
        r.headers().forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                values.addAll(v);
            }
        });
        return values;
    }
}
