package dev.dxcp.saga.spinnaker.transport;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the adapter needs to reach the engine.
 *
 * @param baseUrl        Gate's base URL, possibly with a path prefix ({@code http://host:8084/gate}); blank
 *                       means "engine not configured" and every call fails with ENGINE_UNAVAILABLE (§16)
 * @param auth           engine credentials; never a user's token
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    per-request timeout until the response arrives
 * @param retry          retries for idempotent calls only
 * @param serviceUser    the {@code X-Spinnaker-User} sent on calls made without an end user (polls,
 *                       discovery, health); mandatory under mTLS, where the user header is required
 */
public record GateSettings(String baseUrl, GateAuthSettings auth, Duration connectTimeout, Duration readTimeout,
                           RetrySettings retry, String serviceUser) {

    public GateSettings {
        auth = auth == null ? GateAuthSettings.none() : auth;
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(3), "connectTimeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(15), "readTimeout");
        retry = retry == null ? RetrySettings.defaults() : retry;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : stripTrailingSlash(baseUrl.trim());
        if (baseUrl != null) {
            URI uri = URI.create(baseUrl);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
            }
            if (auth.mode() == GateAuthMode.MTLS && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("mTLS needs an https baseUrl");
            }
        }
        if (auth.mode() == GateAuthMode.MTLS && (serviceUser == null || serviceUser.isBlank())) {
            // domain-and-state §16: with mTLS the user header is mandatory on every call.
            throw new IllegalArgumentException("mTLS requires a serviceUser for X-Spinnaker-User");
        }
    }

    public static GateSettings of(String baseUrl, GateAuthSettings auth) {
        return new GateSettings(baseUrl, auth, null, null, null, "dxcp");
    }

    public GateAuthMode mode() {
        return auth.mode();
    }

    public boolean configured() {
        return baseUrl != null;
    }

    /** Operator view of the settings; secrets appear only as {@code *_configured} booleans. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("configured", configured());
        d.put("base_url", baseUrl == null ? null : withoutUserInfo(baseUrl));
        d.put("auth_mode", mode().name().toLowerCase());
        d.put("connect_timeout_ms", connectTimeout.toMillis());
        d.put("read_timeout_ms", readTimeout.toMillis());
        d.put("retry_max", retry.maxRetries());
        d.put("retry_initial_backoff_ms", retry.initialBackoff().toMillis());
        d.put("retry_max_backoff_ms", retry.maxBackoff().toMillis());
        d.put("service_user", serviceUser);
        d.putAll(auth.describe());
        return d;
    }

    @Override
    public String toString() {
        return "GateSettings" + describe();
    }

    private static String withoutUserInfo(String url) {
        URI uri = URI.create(url);
        if (uri.getRawUserInfo() == null) {
            return url;
        }
        return url.replace(uri.getRawUserInfo() + "@", "");
    }

    private static String stripTrailingSlash(String url) {
        String out = url;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = Objects.requireNonNullElse(value, fallback);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
