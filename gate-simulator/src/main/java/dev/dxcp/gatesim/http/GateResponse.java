package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer before it is written: status, headers and body bytes (null means no body). */
record GateResponse(int status, Map<String, String> headers, byte[] body) {

    static final String JSON = "application/json";

    static GateResponse json(int status, JsonNode body) {
        return new GateResponse(status, Map.of("Content-Type", JSON), Json.write(body));
    }

    static GateResponse empty(int status) {
        return new GateResponse(status, Map.of(), null);
    }

    static GateResponse text(int status, String contentType, String body) {
        return new GateResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    GateResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new GateResponse(status, copy, body);
    }

    GateResponse withBody(byte[] newBody) {
        return new GateResponse(status, headers, newBody);
    }

    boolean hasBody() {
        return body != null && body.length > 0;
    }
}
