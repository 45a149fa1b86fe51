package dev.dxcp.saga.spinnaker.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OAuth2 client-credentials: fetches a token with a form-encoded POST and caches it until
 * {@code expires_in} minus the refresh skew, so a token is never sent in its last seconds of life.
 * A token answer without {@code expires_in} is used once and not cached (its lifetime is unknown).
 */
final class ClientCredentialsAuth implements GateAuth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GateAuthSettings.ClientCredentials settings;
    private final HttpClient http;
    private final Duration readTimeout;
    private final Clock clock;
    private String cachedToken;
    private Instant refreshAt = Instant.MIN;

    ClientCredentialsAuth(GateAuthSettings.ClientCredentials settings, Duration connectTimeout, Duration readTimeout,
                          Clock clock) {
        this.settings = settings;
        this.readTimeout = readTimeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token());
    }

    @Override
    public synchronized void onUnauthorized() {
        cachedToken = null;
        refreshAt = Instant.MIN;
    }

    synchronized String token() {
        Instant now = clock.instant();
        if (cachedToken != null && now.isBefore(refreshAt)) {
            return cachedToken;
        }
        JsonNode answer = requestToken();
        String token = answer.path("access_token").asText("");
        if (token.isBlank()) {
            throw failure(200, "token endpoint answered without access_token", null);
        }
        long expiresIn = answer.path("expires_in").asLong(0);
        if (expiresIn > 0) {
            cachedToken = token;
            refreshAt = now.plusSeconds(expiresIn).minus(settings.refreshSkew());
        } else {
            cachedToken = null;
            refreshAt = Instant.MIN;
        }
        return token;
    }

    private JsonNode requestToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        if (settings.audience() != null && !settings.audience().isBlank()) {
            form.put("audience", settings.audience());
        }
        if (settings.scope() != null && !settings.scope().isBlank()) {
            form.put("scope", settings.scope());
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw failure(null, "token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(null, "interrupted while fetching the engine token", e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw failure(status, "token endpoint answered " + status, null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw failure(status, "token endpoint answered malformed JSON", e);
        }
    }

    /**
     * A token that cannot be obtained means the engine cannot be called as DXCP: 4xx from the token
     * endpoint is a credential problem (ENGINE_UNAUTHORIZED); no answer is ENGINE_UNAVAILABLE; anything
     * else is ENGINE_CALL_FAILED. The token endpoint's answer body is never copied (it may echo secrets).
     */
    private EngineCallException failure(Integer status, String why, Throwable cause) {
        EngineErrorCode code = status == null ? EngineErrorCode.ENGINE_UNAVAILABLE
                : status >= 400 && status < 500 ? EngineErrorCode.ENGINE_UNAUTHORIZED
                : EngineErrorCode.ENGINE_CALL_FAILED;
        String hint = why + "; token_url=" + Redaction.reduceUrl(settings.tokenUrl());
        return new EngineCallException(code, status, status == null, null, null, hint,
                Redaction.hostOf(settings.tokenUrl()), cause);
    }
}
