package dev.dxcp.server.http.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.governance.ApprovalPolicy;

import java.util.ArrayList;
import java.util.List;

/** Approval policies on the wire (docs/GOVERNANCE.md "Approvals"), snake_case like delivery groups. */
final class ApprovalPolicyJson {
    static final int DEFAULT_EXPIRY_MINUTES = 24 * 60;

    private ApprovalPolicyJson() {
    }

    static ObjectNode render(ObjectMapper json, ApprovalPolicy policy) {
        ObjectNode node = json.createObjectNode();
        node.put("id", policy.id());
        node.put("delivery_group_id", policy.deliveryGroupId());
        node.put("environment", policy.environment());
        node.put("required_approvals", policy.requiredApprovals());
        ArrayNode approvers = node.putArray("approvers");
        policy.approvers().forEach(approvers::add);
        node.put("expires_after_minutes", policy.expiresAfterMinutes());
        node.put("created_at", policy.createdAt() == null ? null : Timestamps.format(policy.createdAt()));
        node.put("created_by", policy.createdBy());
        return node;
    }

    /** POST body; the aggregate checks what the values mean, this only their JSON types. */
    static ApprovalPolicy parse(JsonNode body, String generatedId) {
        String id = text(body, "id");
        return new ApprovalPolicy(id == null ? generatedId : id, text(body, "delivery_group_id"),
                text(body, "environment"), (int) integer(body, "required_approvals", 1), approvers(body),
                integer(body, "expires_after_minutes", DEFAULT_EXPIRY_MINUTES), null, null);
    }

    private static List<String> approvers(JsonNode body) {
        JsonNode value = body.get("approvers");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid("approvers must be a list of emails");
        }
        List<String> emails = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid("approvers must be a list of emails");
            }
            emails.add(item.asText());
        }
        return emails;
    }

    private static long integer(JsonNode body, String field, long fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(field + " must be an integer");
        }
        return value.intValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field + " must be a string");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message);
    }
}
