package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import dev.dxcp.gatesim.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request as the routes see it: path segments below the base path, query, headers, body. */
final class HttpCall {

    final String method;
    final List<String> segments;
    final Map<String, String> query;
    final Headers headers;
    final byte[] body;
    final String requestId;
    Map<String, String> pathVariables = Map.of();
    /** Who Gate decided the caller is; null only on unauthenticated exempt paths. */
    String caller;

    HttpCall(String method, List<String> segments, Map<String, String> query, Headers headers, byte[] body,
             String requestId) {
        this.method = method;
        this.segments = List.copyOf(segments);
        this.query = Collections.unmodifiableMap(query);
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
    }

    String pathVariable(String name) {
        return pathVariables.get(name);
    }

    String query(String name) {
        return query.get(name);
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** The JSON body; an absent body counts as {@code {}} as in Gate (spec §1). */
    JsonNode jsonBody() {
        if (body == null || body.length == 0) {
            return Json.object();
        }
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new GateError(400, GateError.UNREADABLE_BODY, "JSON parse error: " + e.getMessage());
        }
    }

    /** Path segments percent-decoded; '+' stays a plus in paths, unlike in queries. */
    static List<String> segmentsOf(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    static Map<String, String> queryOf(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    static Map<String, String> newVariables() {
        return new HashMap<>();
    }
}
