package dev.dxcp.notify;

import java.time.Duration;

/**
 * How webhooks are delivered (README "Notifications", DXCP_NOTIFY_*).
 *
 * @param maxAttempts    attempts before a delivery is {@code failed}
 * @param firstRetry     pause after the first failed attempt; doubled after each further one
 * @param maxRetry       the longest pause between two attempts
 * @param connectTimeout per attempt, to open the connection
 * @param readTimeout    per attempt, from sending to the receiver's status line
 * @param pollInterval   how often each instance looks for due deliveries
 */
public record NotifySettings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration connectTimeout,
                             Duration readTimeout, Duration pollInterval) {
    /** A claimed delivery is left to another instance only after this long: beyond any attempt's timeouts. */
    public Duration lease() {
        return connectTimeout.plus(readTimeout).plusSeconds(30);
    }
}
