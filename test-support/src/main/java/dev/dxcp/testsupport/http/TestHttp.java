package dev.dxcp.testsupport.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A thin java.net.http client for end-to-end checks against a running server: bearer token,
 * JSON in, status + headers + body (as text and as JSON) out. Non-2xx answers are returned, not
 * thrown, because tests assert on error bodies.
 */
public final class TestHttp {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {
    }

    /** One HTTP answer. */
    public record Response(int status, HttpHeaders headers, String body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The body as JSON; fails the test with the raw body when it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Response (status " + status + ") is not JSON: " + body, e);
            }
        }
    }

    public static Response get(String url, String bearerToken, String... headerPairs) {
        return send("GET", url, bearerToken, null, headerPairs);
    }

    /** {@code jsonBody} is sent as is when a String, otherwise serialized with Jackson. */
    public static Response post(String url, String bearerToken, Object jsonBody, String... headerPairs) {
        return send("POST", url, bearerToken, jsonBody, headerPairs);
    }

    public static Response put(String url, String bearerToken, Object jsonBody, String... headerPairs) {
        return send("PUT", url, bearerToken, jsonBody, headerPairs);
    }

    public static Response delete(String url, String bearerToken, String... headerPairs) {
        return send("DELETE", url, bearerToken, null, headerPairs);
    }

    /**
     * Any method. {@code bearerToken} may be null (no Authorization header); {@code headerPairs} are
     * name, value, name, value, ...
     */
    public static Response send(String method, String url, String bearerToken, Object jsonBody, String... headerPairs) {
        if (headerPairs.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, jsonBody == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(toJson(jsonBody)));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + url, e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Body cannot be serialized to JSON: " + body, e);
        }
    }
}
