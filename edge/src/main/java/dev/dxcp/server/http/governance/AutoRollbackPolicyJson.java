package dev.dxcp.server.http.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.governance.AutoRollbackPolicy;

/** Automatic rollback policies on the wire (docs/GOVERNANCE.md "Automatic rollback"), snake_case. */
final class AutoRollbackPolicyJson {
    private AutoRollbackPolicyJson() {
    }

    static ObjectNode render(ObjectMapper json, AutoRollbackPolicy policy) {
        ObjectNode node = json.createObjectNode();
        node.put("id", policy.id());
        node.put("delivery_group_id", policy.deliveryGroupId());
        node.put("environment", policy.environment());
        node.put("recipe_id", policy.recipeId());
        node.put("created_at", policy.createdAt() == null ? null : Timestamps.format(policy.createdAt()));
        node.put("created_by", policy.createdBy());
        return node;
    }

    /** POST body; the aggregate checks what the values mean, this only their JSON types. */
    static AutoRollbackPolicy parse(JsonNode body, String generatedId) {
        String id = text(body, "id");
        return new AutoRollbackPolicy(id == null ? generatedId : id, text(body, "delivery_group_id"),
                text(body, "environment"), text(body, "recipe_id"), null, null);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, field + " must be a string");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
