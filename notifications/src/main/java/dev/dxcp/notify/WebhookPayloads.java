package dev.dxcp.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.notification.WebhookSubscription;
import dev.dxcp.notify.Notification.DeploymentFacts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The body a subscription receives: DXCP's JSON document ({@code json}), or a Slack-compatible message
 * ({@code slack}: {@code text} for notifications and clients without blocks, {@code blocks} for the rest), which
 * Slack's incoming webhooks and the chat tools that accept its format post as they are.
 */
public final class WebhookPayloads {
    private final ObjectMapper json;

    public WebhookPayloads(ObjectMapper json) {
        this.json = json;
    }

    public String render(String format, String deliveryId, Notification n) {
        ObjectNode body = WebhookSubscription.SLACK.equals(format) ? slack(n) : document(deliveryId, n);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notification is plain values", e);
        }
    }

    ObjectNode document(String deliveryId, Notification n) {
        ObjectNode body = json.createObjectNode();
        body.put("delivery_id", deliveryId);
        body.put("event_id", n.eventId());
        body.put("event_type", n.eventType());
        body.put("occurred_at", instant(n.occurredAt()));
        DeploymentFacts d = n.deployment();
        ObjectNode deployment = body.putObject("deployment");
        deployment.put("id", d.id());
        deployment.put("kind", d.kind());
        deployment.put("service", d.service());
        deployment.put("environment", d.environment());
        deployment.put("delivery_group_id", d.deliveryGroupId());
        deployment.put("version", d.version());
        if (d.rollbackOf() != null) {
            deployment.put("rollback_of", d.rollbackOf());
        }
        deployment.put("requested_by", d.requestedBy());
        body.set("details", json.valueToTree(plain(n.details())));
        return body;
    }

    ObjectNode slack(Notification n) {
        String headline = headline(n);
        ObjectNode body = json.createObjectNode();
        body.put("text", headline);
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode text = section.putObject("text");
        text.put("type", "mrkdwn");
        text.put("text", headline + detailLines(n));
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        ObjectNode element = context.putArray("elements").addObject();
        element.put("type", "mrkdwn");
        element.put("text", escape("DXCP " + n.eventType() + " · deployment " + n.deployment().id()
                + " · " + instant(n.occurredAt())));
        return body;
    }

    /** One line a person reads first, e.g. "✅ payments-api 1.4.2 deployed to prod (payments)". */
    static String headline(Notification n) {
        DeploymentFacts d = n.deployment();
        String what = "*" + escape(d.service()) + "*" + (d.version() == null ? "" : " " + escape(d.version()));
        String where = "*" + escape(d.environment()) + "*"
                + (d.deliveryGroupId() == null ? "" : " (" + escape(d.deliveryGroupId()) + ")");
        return switch (n.eventType()) {
            case "DEPLOYMENT_STARTED" -> ":rocket: Deploying " + what + " to " + where;
            case "DEPLOYMENT_SUCCEEDED" -> ":white_check_mark: Deployed " + what + " to " + where;
            case "DEPLOYMENT_FAILED" -> ":x: Deployment of " + what + " to " + where + " failed";
            case "DEPLOYMENT_ROLLED_BACK" -> ":rewind: The engine rolled back " + what + " in " + where;
            case "ROLLBACK_STARTED" -> ":rewind: Rolling back " + what + " in " + where;
            case "ROLLBACK_SUCCEEDED" -> ":white_check_mark: Rolled back " + what + " in " + where;
            case "ROLLBACK_FAILED" -> ":x: Rollback of " + what + " in " + where + " failed";
            case "APPROVAL_REQUESTED" -> ":raised_hand: " + what + " to " + where + " waits for approval";
            case "APPROVAL_GRANTED" -> ":+1: Approval for " + what + " to " + where;
            case "APPROVAL_REJECTED" -> ":no_entry: " + what + " to " + where + " was rejected";
            case "APPROVAL_EXPIRED" -> ":hourglass: Approval for " + what + " to " + where + " expired";
            case "FREEZE_OVERRIDDEN" -> ":warning: Freeze window overridden for " + what + " in " + where;
            default -> escape(n.eventType()) + " " + what + " " + where;
        };
    }

    private static String detailLines(Notification n) {
        StringBuilder lines = new StringBuilder();
        if (n.deployment().requestedBy() != null) {
            lines.append("\nRequested by ").append(escape(n.deployment().requestedBy()));
        }
        n.details().forEach((key, value) -> {
            if (key.equals("failures") && value instanceof List<?> failures) {
                failures.forEach(f -> lines.append("\n• ").append(escape(String.valueOf(((Map<?, ?>) f).get("summary")))));
            } else if (!key.equals("execution_id")) {
                lines.append("\n").append(escape(key.replace('_', ' '))).append(": ")
                        .append(escape(value instanceof Instant i ? instant(i) : String.valueOf(value)));
            }
        });
        return lines.toString();
    }

    /** Slack reads &, < and > as markup: escaped as its message format asks. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Object plain(Object value) {
        if (value instanceof Instant i) {
            return instant(i);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WebhookPayloads::plain).toList();
        }
        return value;
    }

    private static String instant(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
