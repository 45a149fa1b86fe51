package dev.dxcp.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.ExitCode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * DXCP's /v1 API over the JDK's HTTP client. Every request carries the bearer token and a fresh
 * X-Request-Id (printed with any error, so a user can quote it to an operator); non-2xx answers become
 * {@link ApiError}s with the contract's code.
 */
public final class ApiClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String server;
    private final String token;
    private final HttpClient http;

    public ApiClient(String server, String token) {
        this.server = trimSlash(server);
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String server() {
        return server;
    }

    public String token() {
        return token;
    }

    public static String trimSlash(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    public ApiResponse get(String path) {
        return expectOk("GET", path, send("GET", path, null, Map.of()));
    }

    public ApiResponse post(String path, Object body, Map<String, String> headers) {
        return expectOk("POST", path, send("POST", path, body, headers));
    }

    public ApiResponse put(String path, Object body, Map<String, String> headers) {
        return expectOk("PUT", path, send("PUT", path, body, headers));
    }

    /** Any answer, 2xx or not; callers that branch on the status use this. A String body is sent as is. */
    public ApiResponse send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.INTERRUPTED, "Interrupted");
        }
    }

    /** A streamed answer read line by line (NDJSON); the caller closes the stream. */
    public Stream<String> lines(String path) {
        try {
            HttpResponse<Stream<String>> response = http.send(request(path).timeout(Duration.ofDays(1)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body;
                try (Stream<String> lines = response.body()) {
                    body = String.join("\n", lines.toList());
                }
                throw ApiError.of("GET", path, new ApiResponse(response.statusCode(), response.headers(), body));
            }
            return response.body();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.INTERRUPTED, "Interrupted");
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("X-Request-Id", "cli-" + UUID.randomUUID())
                .header("User-Agent", "dxcp-cli");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private ApiResponse expectOk(String method, String path, ApiResponse response) {
        if (!response.ok()) {
            throw ApiError.of(method, path, response);
        }
        return response;
    }

    private CliFailure unreachable(IOException e) {
        String why = e instanceof ConnectException ? "connection refused"
                : e instanceof HttpTimeoutException ? "timed out" : String.valueOf(e.getMessage());
        return new CliFailure(ExitCode.SERVER, "Cannot reach DXCP at " + server + " (" + why + ")", e);
    }

    private static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return CliContext.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code /v1/x} plus the non-null parameters, URL-encoded, in the order given. */
    public static String path(String base, Object... nameValuePairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isBlank()) {
                query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return query.length() == 0 ? base : base + "?" + query;
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
