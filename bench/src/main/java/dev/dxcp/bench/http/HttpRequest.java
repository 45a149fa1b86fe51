package dev.dxcp.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request as the load workers send it.
 *
 * @param target  path and query, e.g. {@code /v1/builds?service=a&version=1.0.0}
 * @param headers extra headers as name, value pairs
 * @param body    JSON bytes, or null
 */
public record HttpRequest(String method, String target, String bearerToken, List<String> headers, byte[] body) {

    public static HttpRequest get(String target, String bearerToken) {
        return new HttpRequest("GET", target, bearerToken, List.of(), null);
    }

    /** A POST with an Idempotency-Key, as every DXCP write the benchmark sends carries one. */
    public static HttpRequest post(String target, String bearerToken, String idempotencyKey, String json) {
        return new HttpRequest("POST", target, bearerToken, List.of("Idempotency-Key", idempotencyKey),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
}
