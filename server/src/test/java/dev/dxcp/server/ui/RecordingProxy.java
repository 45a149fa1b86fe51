package dev.dxcp.server.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A reverse proxy between the browser and the server, so a browser test sees the real network
 * traffic the UI sends (methods, paths, Idempotency-Key and X-Request-Id headers, answers) and can
 * lose an answer on the way back: the request reaches the server, the browser gets a dropped connection.
 */
final class RecordingProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    /** One request the browser sent and what the server answered (body kept for JSON answers). */
    record Exchange(String method, String path, Map<String, String> requestHeaders, int status,
                    Map<String, String> responseHeaders, String responseBody, boolean dropped) {
        String requestHeader(String name) {
            return requestHeaders.get(name.toLowerCase(Locale.ROOT));
        }

        String responseHeader(String name) {
            return responseHeaders.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Drop(String method, String path) {
    }

    /** An answer passed on only up to {@code bytes}, then ended as if complete: a stream cut short. */
    private record Cut(String method, String path, int bytes) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String target;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final AtomicReference<Drop> drop = new AtomicReference<>();
    private final AtomicReference<Cut> cut = new AtomicReference<>();

    private RecordingProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ui-test-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    static RecordingProxy to(String target) {
        try {
            return new RecordingProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    List<Exchange> sent(String method, String pathPrefix) {
        return exchanges.stream().filter(e -> e.method().equals(method) && e.path().startsWith(pathPrefix)).toList();
    }

    void clear() {
        exchanges.clear();
        drop.set(null);
        cut.set(null);
    }

    /** The next answer to {@code method path} reaches this proxy and is thrown away: the browser's connection drops. */
    void dropNextAnswer(String method, String path) {
        drop.set(new Drop(method, path));
    }

    /** The next answer to {@code method path} reaches the browser only up to {@code bytes} bytes of its body. */
    void cutNextAnswerAfter(String method, String path, int bytes) {
        cut.set(new Cut(method, path, bytes));
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> requestHeaders = new TreeMap<>();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery)).timeout(Duration.ofSeconds(60))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                requestHeaders.put(lower, String.join(",", values));
                if (!HOP_HEADERS.contains(lower)) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Map<String, String> responseHeaders = new TreeMap<>();
            answer.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String contentType = responseHeaders.getOrDefault("content-type", "");
            String text = contentType.contains("json") ? new String(answer.body(), StandardCharsets.UTF_8) : null;
            Drop wanted = drop.get();
            boolean dropped = wanted != null && wanted.method().equals(method) && exchange.getRequestURI().getRawPath().equals(wanted.path())
                    && drop.compareAndSet(wanted, null);
            exchanges.add(new Exchange(method, pathAndQuery, requestHeaders, answer.statusCode(), responseHeaders, text, dropped));
            if (dropped) {
                // The server has acted and answered; the browser never hears it (closing without a response drops the connection).
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] bytes = answer.body();
            Cut wantedCut = cut.get();
            if (wantedCut != null && wantedCut.method().equals(method) && exchange.getRequestURI().getRawPath().equals(wantedCut.path())
                    && bytes.length > wantedCut.bytes() && cut.compareAndSet(wantedCut, null)) {
                bytes = java.util.Arrays.copyOf(bytes, wantedCut.bytes());
            }
            boolean empty = bytes.length == 0 || answer.statusCode() == 204 || answer.statusCode() == 304 || method.equals("HEAD");
            exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : bytes.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
