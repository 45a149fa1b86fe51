package dev.dxcp.gatesim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

/** A plain HTTP client for the tests: real requests, no redirects followed (as DXCP's adapter). */
final class GateClient {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private Duration timeout = Duration.ofSeconds(10);

    GateClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    GateClient withTimeout(Duration requestTimeout) {
        this.timeout = requestTimeout;
        return this;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String body, String... headers) {
        return send(request(path, headers).PUT(body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> method(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends and lets IO failures through, for fault tests that expect them. */
    HttpResponse<String> sendRaw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return sendRaw(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- Gate calls DXCP makes -------------------------------------------------------------

    HttpResponse<String> trigger(String application, String pipeline, String body, String... headers) {
        return post("/pipelines/" + application + "/" + pipeline, body, headers);
    }

    /** Triggers and returns the execution id taken from ref, asserting the 202. */
    String triggerOk(String application, String pipeline, String body) {
        HttpResponse<String> response = trigger(application, pipeline, body);
        if (response.statusCode() != 202) {
            throw new AssertionError("Expected 202 but got " + response.statusCode() + ": " + response.body());
        }
        String ref = Json.parse(response.body()).get("ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    JsonNode execution(String id) {
        HttpResponse<String> response = get("/pipelines/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET execution answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    /** Polls in real time until the execution satisfies the condition. */
    JsonNode pollUntil(String id, Predicate<JsonNode> condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode execution = execution(id);
        while (!condition.test(execution)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not reached within " + limit + "; last document: " + execution);
            }
            sleep(5);
            execution = execution(id);
        }
        return execution;
    }

    JsonNode pollUntilStatus(String id, String status) {
        return pollUntil(id, e -> status.equals(e.path("status").asText()), Duration.ofSeconds(10));
    }

    static String deployBody(String version, String idempotencyKey) {
        return "{\"type\":\"manual\",\"user\":\"alice@example.com\",\"parameters\":{\"service\":\"demo-service\","
                + "\"version\":\"" + version + "\",\"artifactRef\":\"s3://dxcp-artifacts/demo-service/demo-service-"
                + version + ".zip\",\"s3Bucket\":\"dxcp-artifacts\",\"s3Key\":\"demo-service/demo-service-" + version
                + ".zip\"},\"idempotencyKey\":\"" + idempotencyKey + "\"}";
    }

    static String encodeTriggerSubset(Map<String, String> subset) {
        return Base64.getEncoder().encodeToString(Json.writeString(Json.valueToTree(subset)).getBytes(StandardCharsets.UTF_8));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
