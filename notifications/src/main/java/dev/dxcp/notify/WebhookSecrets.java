package dev.dxcp.notify;

import dev.dxcp.events.notification.NotificationMessages.StoreWebhookSecret;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Where subscriptions' HMAC secrets live ({@code notify_secret}), shared by every instance. Events carry only
 * the reference, so the audit replay never shows a secret; no endpoint ever answers one.
 */
public class WebhookSecrets {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WebhookSecrets(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @CommandHandler
    public String handle(StoreWebhookSecret command) {
        String ref = "notify:" + UUID.randomUUID();
        jdbc.update("INSERT INTO notify_secret (secret_ref, secret_value, stored_at) VALUES (?, ?, ?)", ref,
                command.value(), Timestamp.from(clock.instant()));
        return ref;
    }

    Optional<String> of(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT secret_value FROM notify_secret WHERE secret_ref = ?", String.class, ref)
                .stream().findFirst();
    }
}
