package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the trigger requests that reached Gate's trigger logic (past authentication and any
 * fault that stops a request), in total and per DXCP idempotency key, so tests can prove that a
 * client did not start the same deployment twice. Thread-safe.
 */
public final class TriggerLog {

    private int total;
    private final Map<String, Integer> byIdempotencyKey = new LinkedHashMap<>();

    public synchronized void record(JsonNode body) {
        total++;
        String key = Json.text(body, "idempotencyKey");
        if (key != null) {
            byIdempotencyKey.merge(key, 1, Integer::sum);
        }
    }

    public synchronized int total() {
        return total;
    }

    public synchronized int forIdempotencyKey(String key) {
        return byIdempotencyKey.getOrDefault(key, 0);
    }

    public synchronized Map<String, Integer> byIdempotencyKey() {
        return new LinkedHashMap<>(byIdempotencyKey);
    }

    synchronized void clear() {
        total = 0;
        byIdempotencyKey.clear();
    }
}
