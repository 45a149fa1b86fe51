package dev.dxcp.notify;

import dev.dxcp.events.notification.NotificationMessages.ListWebhookDeliveries;
import dev.dxcp.events.notification.NotificationMessages.WebhookDelivery;
import dev.dxcp.events.notification.NotificationMessages.WebhookDeliveryLog;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** A subscription's deliveries as the outbox holds them, newest first: never the body, never a secret. */
public class DeliveryLog {
    private final JdbcTemplate jdbc;

    public DeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public WebhookDeliveryLog handle(ListWebhookDeliveries query) {
        return new WebhookDeliveryLog(jdbc.query("""
                SELECT delivery_id, event_id, event_type, deployment_id, status, attempts, last_status_code,
                    last_error, last_attempt_at, next_attempt_at, delivered_at, created_at
                FROM notify_outbox WHERE subscription_id = ? ORDER BY created_at DESC, delivery_id LIMIT ?""",
                (rs, i) -> new WebhookDelivery(rs.getString("delivery_id"), rs.getString("event_id"),
                        rs.getString("event_type"), rs.getString("deployment_id"), rs.getString("status"),
                        rs.getInt("attempts"), (Integer) rs.getObject("last_status_code", Integer.class),
                        rs.getString("last_error"), instant(rs, "last_attempt_at"),
                        "pending".equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
                        instant(rs, "delivered_at"), instant(rs, "created_at")),
                query.subscriptionId(), query.limit()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
