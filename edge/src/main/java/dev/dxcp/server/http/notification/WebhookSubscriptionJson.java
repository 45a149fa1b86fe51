package dev.dxcp.server.http.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.notification.NotificationMessages.WebhookDelivery;
import dev.dxcp.events.notification.WebhookSubscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhook subscriptions on the wire (docs/GOVERNANCE.md "Notifications"). The secret is write-only, like the
 * engine adapter's: an answer says only whether one is set ({@code has_secret}).
 */
final class WebhookSubscriptionJson {
    static final int MAX_SECRET = 256;

    private WebhookSubscriptionJson() {
    }

    /** A parsed body: the subscription (secret not yet stored) and what it says about the secret. */
    record Parsed(WebhookSubscription subscription, boolean secretSent, String secret) {
    }

    /** The aggregate checks what the values mean; this only their JSON types. */
    static Parsed parse(JsonNode body, String id) {
        JsonNode secretNode = body.get("secret");
        String secret = null;
        if (secretNode != null && !secretNode.isNull()) {
            if (!secretNode.isTextual() || secretNode.asText().isEmpty() || secretNode.asText().length() > MAX_SECRET) {
                throw invalid("secret must be a string of 1.." + MAX_SECRET + " characters");
            }
            secret = secretNode.asText();
        }
        String format = text(body, "format");
        JsonNode enabled = body.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            throw invalid("enabled must be a JSON boolean");
        }
        WebhookSubscription subscription = new WebhookSubscription(id, text(body, "url"), strings(body, "events"),
                strings(body, "delivery_groups"), format == null ? WebhookSubscription.JSON : format, null,
                text(body, "description"), enabled == null || enabled.isNull() || enabled.booleanValue(),
                null, null, null, null);
        return new Parsed(subscription, secretNode != null, secret);
    }

    static ObjectNode render(ObjectMapper json, WebhookSubscription s) {
        ObjectNode node = json.createObjectNode();
        node.put("id", s.id());
        node.put("url", s.url());
        ArrayNode events = node.putArray("events");
        s.eventTypes().forEach(events::add);
        ArrayNode groups = node.putArray("delivery_groups");
        s.deliveryGroups().forEach(groups::add);
        node.put("format", s.format());
        node.put("has_secret", s.secretRef() != null);
        node.put("description", s.description());
        node.put("enabled", s.enabled());
        node.put("created_at", time(s.createdAt()));
        node.put("created_by", s.createdBy());
        node.put("updated_at", time(s.updatedAt()));
        node.put("updated_by", s.updatedBy());
        return node;
    }

    static ObjectNode delivery(ObjectMapper json, WebhookDelivery d) {
        ObjectNode node = json.createObjectNode();
        node.put("delivery_id", d.deliveryId());
        node.put("event_id", d.eventId());
        node.put("event_type", d.eventType());
        node.put("deployment_id", d.deploymentId());
        node.put("status", d.status());
        node.put("attempts", d.attempts());
        node.put("last_status_code", d.lastStatusCode());
        node.put("last_error", d.lastError());
        node.put("last_attempt_at", time(d.lastAttemptAt()));
        node.put("next_attempt_at", time(d.nextAttemptAt()));
        node.put("delivered_at", time(d.deliveredAt()));
        node.put("created_at", time(d.createdAt()));
        return node;
    }

    private static String time(Instant at) {
        return at == null ? null : Timestamps.format(at);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field + " must be a list of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid(field + " must be a list of strings");
            }
            if (!items.contains(item.asText())) {
                items.add(item.asText());
            }
        }
        return List.copyOf(items);
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message);
    }
}
