package dev.dxcp.saga.spinnaker.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one {@link GateCall}: timeouts, engine credentials, redirects never followed, and bounded
 * retries with backoff for idempotent calls only, on connection failures, timeouts, 5xx and 429.
 * A trigger is never retried: a lost answer does not mean the execution was not started (the saga
 * recovers by searching for the idempotency key instead).
 */
public final class GateTransport {

    private static final System.Logger LOG = System.getLogger(GateTransport.class.getName());

    private final GateSettings settings;
    private final HttpClient http;
    private final GateAuth auth;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final GateErrorMapper errors;
    private final GateCallObserver observer;

    public GateTransport(GateSettings settings, HttpClient http, GateAuth auth, Backoff backoff, Sleeper sleeper) {
        this(settings, http, auth, backoff, sleeper, GateCallObserver.NONE);
    }

    public GateTransport(GateSettings settings, HttpClient http, GateAuth auth, Backoff backoff, Sleeper sleeper,
                         GateCallObserver observer) {
        this.observer = observer;
        this.settings = settings;
        this.http = http;
        this.auth = auth;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.errors = new GateErrorMapper(settings.baseUrl());
    }

    public static HttpClient httpClient(GateSettings settings, GateAuth auth) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // domain-and-state §16: a redirect means a login page, never the API; do not follow it.
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                // Plain HTTP/1.1: no h2c upgrade headers for proxies in front of Gate to trip over.
                .version(HttpClient.Version.HTTP_1_1);
        auth.sslContext().ifPresent(builder::sslContext);
        return builder.build();
    }

    public GateErrorMapper errors() {
        return errors;
    }

    /**
     * Returns the engine's answer, whatever its status, once no retry is left or warranted.
     *
     * @throws EngineCallException when the engine is not configured or could not be reached or timed out
     */
    public GateResponse send(GateCall call) {
        long started = System.nanoTime();
        try {
            GateResponse response = sendWithRetries(call);
            observe(call, response.status() / 100 + "xx", started);
            return response;
        } catch (EngineCallException e) {
            observe(call, e.code().name(), started);
            throw e;
        }
    }

    private void observe(GateCall call, String outcome, long startedNanos) {
        try {
            observer.completed(call.operation(), outcome, java.time.Duration.ofNanos(System.nanoTime() - startedNanos));
        } catch (RuntimeException ignored) {
            // Metrics must never change what the engine call answers.
        }
    }

    private GateResponse sendWithRetries(GateCall call) {
        if (!settings.configured()) {
            throw errors.notConfigured(call);
        }
        int attempts = call.idempotent() ? settings.retry().maxRetries() + 1 : 1;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= attempts;
            try {
                GateResponse response = sendOnce(call);
                if (response.status() == 401) {
                    auth.onUnauthorized();
                }
                if (last || !retryable(response.status())) {
                    return response;
                }
                LOG.log(System.Logger.Level.DEBUG, "engine {0} {1} answered {2}; retrying", call.method(),
                        call.pathWithoutQuery(), response.status());
            } catch (IOException e) {
                EngineCallException failure = errors.fromIo(call, e);
                if (last) {
                    throw failure;
                }
                LOG.log(System.Logger.Level.DEBUG, "engine {0} {1} failed ({2}); retrying", call.method(),
                        call.pathWithoutQuery(), failure.code());
            }
            pause(call, backoff.delayBeforeRetry(attempt));
        }
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 429;
    }

    private GateResponse sendOnce(GateCall call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + call.path()))
                .timeout(settings.readTimeout())
                .header("Accept", "application/json");
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            if (header.getValue() != null && !header.getValue().isBlank()) {
                request.header(header.getKey(), header.getValue());
            }
        }
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
            request.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        auth.authorize(request);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new GateResponse(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted(call, e);
        }
    }

    private void pause(GateCall call, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted(call, e);
        }
    }
}
