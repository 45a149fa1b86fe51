package dev.dxcp.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ADMIN_CONFIG_CHANGE summary (governance §14): a JSON string with sorted keys (nested objects
 * too, so equal values always render as equal text) holding request, time, key, old and new value as
 * JSON values, the caller's identity and the kill-switch reason when one was given. Free text is kept
 * verbatim: it is a JSON string value, escaped only as JSON requires.
 */
final class ConfigChangeSummary {
    private final ObjectMapper json;

    ConfigChangeSummary(ObjectMapper json) {
        this.json = json;
    }

    String render(String settingKey, JsonNode oldValue, JsonNode newValue, String reason, Instant at,
                  AuditActor actor) {
        ObjectNode summary = json.createObjectNode();
        summary.put("request_id", nonEmpty(actor.requestId(), AuditActor.UNKNOWN));
        summary.put("timestamp", Timestamps.format(at));
        summary.put("setting_key", settingKey);
        summary.set("old_value", oldValue == null ? json.nullNode() : oldValue);
        summary.set("new_value", newValue == null ? json.nullNode() : newValue);
        summary.put("actor_id", actor.id());
        // "never empty" (governance §14): a token without sub or email falls back to the actor id.
        summary.put("actor_sub", nonEmpty(actor.sub(), actor.id()));
        summary.put("actor_email", nonEmpty(actor.email(), actor.id()));
        summary.put("actor_azp", actor.azp());
        summary.put("actor_role", actor.role());
        if (reason != null) {
            summary.put("reason", reason);
        }
        try {
            return json.writeValueAsString(sorted(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit summary cannot be rendered", e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = json.createObjectNode();
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
