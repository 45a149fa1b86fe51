package dev.dxcp.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends due outbox rows, on every instance at once. A row is claimed by a conditional update that sets a
 * lease ({@code claimed_until}) only if no live lease holds it: on PostgreSQL and H2 alike exactly one
 * instance's update counts, so a row is never sent twice at the same time; a crashed sender's row is taken
 * again when its lease ends (at least once). Each attempt is recorded; a failed one is retried after the
 * {@link RetrySchedule}'s pause, and after the last one the row is {@code failed}.
 */
public class WebhookDispatcher {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final NotifySettings settings;
    private final Clock clock;
    private ScheduledExecutorService loop;

    public WebhookDispatcher(JdbcTemplate jdbc, WebhookSecrets secrets, WebhookSender sender,
                             NotifySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.sender = sender;
        this.settings = settings;
        this.retries = new RetrySchedule(settings.maxAttempts(), settings.firstRetry(), settings.maxRetry());
        this.clock = clock;
    }

    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dxcp-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        loop.scheduleWithFixedDelay(this::safeRound, every, every, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
    }

    private void safeRound() {
        try {
            while (deliverDue() == BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            // A database outage ends this round only; the next round tries again.
            log.warn("Webhook deliveries paused until the next round: {}", e.toString());
        }
    }

    /** One round: claims up to a batch of due rows and attempts each once. Answers how many were claimed. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<String> due = jdbc.queryForList("""
                SELECT delivery_id FROM notify_outbox
                WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY next_attempt_at, delivery_id LIMIT ?""", String.class, Timestamp.from(now),
                Timestamp.from(now), BATCH);
        int claimed = 0;
        for (String deliveryId : due) {
            if (claim(deliveryId, now)) {
                claimed++;
                attempt(deliveryId);
            }
        }
        return claimed;
    }

    private boolean claim(String deliveryId, Instant now) {
        return jdbc.update("""
                UPDATE notify_outbox SET claimed_until = ?
                WHERE delivery_id = ? AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)""",
                Timestamp.from(now.plus(settings.lease())), deliveryId, Timestamp.from(now)) == 1;
    }

    private record Row(String deliveryId, String eventType, String body, int attempts, String url, String format,
                       String secretRef, Boolean enabled) {
    }

    private void attempt(String deliveryId) {
        Row row = jdbc.query("""
                SELECT o.delivery_id, o.event_type, o.body, o.attempts, s.url, s.format, s.secret_ref, s.enabled
                FROM notify_outbox o LEFT JOIN notify_subscription s ON s.subscription_id = o.subscription_id
                WHERE o.delivery_id = ?""", (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8) == null ? null : rs.getBoolean(8)), deliveryId).stream().findFirst().orElse(null);
        if (row == null) {
            return;
        }
        if (row.url() == null || !Boolean.TRUE.equals(row.enabled())) {
            finish(row.deliveryId(), "canceled", row.attempts(), null,
                    row.url() == null ? "subscription deleted" : "subscription disabled", null);
            return;
        }
        Optional<String> secret = secrets.of(row.secretRef());
        String signature = secret.map(s -> WebhookSignature.of(s, row.body().getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).orElse(null);
        WebhookSender.Attempt result = sender.send(row.url(), row.deliveryId(), row.eventType(), row.body(), signature);
        int attempts = row.attempts() + 1;
        if (result.delivered()) {
            finish(row.deliveryId(), "delivered", attempts, result.statusCode(), null, null);
            return;
        }
        Optional<Duration> pause = retries.pauseAfter(attempts);
        finish(row.deliveryId(), pause.isPresent() ? "pending" : "failed", attempts, result.statusCode(),
                result.error(), pause.map(p -> clock.instant().plus(p)).orElse(null));
    }

    private void finish(String deliveryId, String status, int attempts, Integer statusCode, String error,
                        Instant nextAttempt) {
        Instant now = clock.instant();
        jdbc.update("""
                UPDATE notify_outbox SET status = ?, attempts = ?, last_status_code = ?, last_error = ?,
                    last_attempt_at = ?, next_attempt_at = ?, delivered_at = ?, claimed_until = NULL
                WHERE delivery_id = ?""", status, attempts, statusCode,
                error == null ? null : error.substring(0, Math.min(error.length(), 300)),
                Timestamp.from(now), nextAttempt == null ? null : Timestamp.from(nextAttempt),
                "delivered".equals(status) ? Timestamp.from(now) : null, deliveryId);
    }
}
