package dev.dxcp.server.http.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.governance.FreezeInForce;
import dev.dxcp.events.governance.FreezeWindow;
import org.springframework.web.server.ServerWebExchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Freeze windows on the wire (docs/GOVERNANCE.md), snake_case like the delivery groups they name; the
 * override header a platform admin sends to let one deploy, promotion or rollback through a window.
 */
public final class FreezeJson {
    /** A platform admin's reason to go through a freeze window with this one request. */
    public static final String OVERRIDE_HEADER = "X-Freeze-Override-Reason";

    private FreezeJson() {
    }

    public static String overrideReason(ServerWebExchange exchange) {
        String reason = exchange.getRequest().getHeaders().getFirst(OVERRIDE_HEADER);
        return reason == null || reason.isBlank() ? null : reason.trim();
    }

    /** The window in force, as validate and policy summary report it; JSON null when there is none. */
    public static JsonNode inForce(ObjectMapper json, FreezeInForce freeze) {
        if (freeze == null) {
            return json.nullNode();
        }
        ObjectNode node = json.createObjectNode();
        node.put("freeze_window_id", freeze.window().id());
        node.put("reason", freeze.window().reason());
        node.put("ends_at", Timestamps.format(freeze.endsAt()));
        node.put("rollbacks_allowed", freeze.window().allowRollbacks());
        return node;
    }

    static ObjectNode window(ObjectMapper json, FreezeWindow window, FreezeInForce current) {
        ObjectNode node = json.createObjectNode();
        node.put("id", window.id());
        node.put("delivery_group_id", window.deliveryGroupId());
        node.put("environment", window.environment());
        node.put("reason", window.reason());
        node.put("starts_at", window.startsAt() == null ? null : Timestamps.format(window.startsAt()));
        node.put("ends_at", window.endsAt() == null ? null : Timestamps.format(window.endsAt()));
        if (window.schedule() == null) {
            node.putNull("schedule");
        } else {
            ObjectNode schedule = node.putObject("schedule");
            schedule.put("cron", window.schedule().cron());
            schedule.put("duration_minutes", window.schedule().durationMinutes());
            schedule.put("time_zone", window.schedule().timeZone());
        }
        node.put("allow_rollbacks", window.allowRollbacks());
        node.put("in_force", current != null);
        node.put("current_ends_at", current == null ? null : Timestamps.format(current.endsAt()));
        node.put("created_at", window.createdAt() == null ? null : Timestamps.format(window.createdAt()));
        node.put("created_by", window.createdBy());
        return node;
    }

    /** POST body; the aggregate checks what the values mean, this only their JSON types. */
    static FreezeWindow parse(JsonNode body, String generatedId) {
        String id = text(body, "id");
        JsonNode schedule = body.get("schedule");
        FreezeWindow.Schedule parsedSchedule = null;
        if (schedule != null && !schedule.isNull()) {
            if (!schedule.isObject()) {
                throw invalid("schedule must be an object");
            }
            JsonNode duration = schedule.get("duration_minutes");
            if (duration == null || !duration.isIntegralNumber()) {
                throw invalid("schedule.duration_minutes must be an integer");
            }
            String zone = text(schedule, "time_zone");
            parsedSchedule = new FreezeWindow.Schedule(text(schedule, "cron"), duration.longValue(),
                    zone == null ? "UTC" : zone);
        }
        JsonNode rollbacks = body.get("allow_rollbacks");
        if (rollbacks != null && !rollbacks.isNull() && !rollbacks.isBoolean()) {
            throw invalid("allow_rollbacks must be a JSON boolean");
        }
        return new FreezeWindow(id == null ? generatedId : id, text(body, "delivery_group_id"),
                text(body, "environment"), text(body, "reason"), instant(body, "starts_at"), instant(body, "ends_at"),
                parsedSchedule, rollbacks == null || rollbacks.isNull() || rollbacks.booleanValue(), null, null);
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

    private static Instant instant(JsonNode body, String field) {
        String text = text(body, field);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.truncate(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw invalid(field + " must be an ISO-8601 date-time with an offset, e.g. 2026-12-20T00:00:00Z");
        }
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message);
    }
}
