package dev.dxcp.saga.spinnaker.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns an engine answer or a transport failure into the contract's error code (domain-and-state §16,
 * governance §13):
 *
 * <pre>
 *  no base URL configured                      → ENGINE_UNAVAILABLE (503)
 *  connection refused/reset, TLS failure,
 *  connect timeout (nothing was reached)       → ENGINE_UNAVAILABLE (503)
 *  no answer within the read timeout           → ENGINE_TIMEOUT     (504)
 *  any 3xx (301/302/303/307/308: a login page) → ENGINE_MISCONFIGURED (502), not followed
 *  4xx with an explicit artifact missing/denied
 *  signal (see {@link ArtifactSignal})         → ARTIFACT_NOT_FOUND (409)
 *  401 / 403                                   → ENGINE_UNAUTHORIZED (502)
 *  anything else (5xx, other 4xx, bad JSON)    → ENGINE_CALL_FAILED (502)
 * </pre>
 */
public final class GateErrorMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private final String baseUrl;

    GateErrorMapper(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    EngineCallException notConfigured(GateCall call) {
        return new EngineCallException(EngineErrorCode.ENGINE_UNAVAILABLE, null, true, null, null,
                "engine base URL is not configured; request_path=" + call.pathWithoutQuery(), null, null);
    }

    public EngineCallException fromIo(GateCall call, IOException e) {
        String where = call.method() + " " + call.pathWithoutQuery();
        if (e instanceof HttpConnectTimeoutException) {
            // Nothing answered the connection attempt: the engine is not reachable, not slow.
            return unavailable(EngineErrorCode.ENGINE_UNAVAILABLE, where + ": connect timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return unavailable(EngineErrorCode.ENGINE_TIMEOUT, where + ": no answer within the read timeout", e);
        }
        if (e instanceof SSLException || e.getCause() instanceof SSLException) {
            return unavailable(EngineErrorCode.ENGINE_UNAVAILABLE, where + ": TLS handshake failed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (e instanceof ConnectException) {
            return unavailable(EngineErrorCode.ENGINE_UNAVAILABLE, where + ": connection refused", e);
        }
        return unavailable(EngineErrorCode.ENGINE_UNAVAILABLE, where + ": connection failed ("
                + e.getClass().getSimpleName() + ")", e);
    }

    EngineCallException interrupted(GateCall call, InterruptedException e) {
        return unavailable(EngineErrorCode.ENGINE_UNAVAILABLE, call.method() + " " + call.pathWithoutQuery()
                + ": interrupted", e);
    }

    public EngineCallException fromResponse(GateCall call, GateResponse response) {
        int status = response.status();
        String requestId = response.upstreamRequestId();
        if (status >= 300 && status <= 399) {
            String location = response.headers().firstValue("Location").orElse(null);
            String hint = "engine answered a redirect (probably a login page); upstream_status=" + status
                    + ", location=" + Redaction.reduceUrl(location)
                    + ", gate_base_url=" + Redaction.reduceUrl(baseUrl)
                    + ", request_path=" + call.pathWithoutQuery()
                    + ", upstream_request_id=" + requestId;
            return new EngineCallException(EngineErrorCode.ENGINE_MISCONFIGURED, status, false, requestId, location,
                    hint, host(), null);
        }
        String message = errorMessage(response);
        String hint = call.method() + " " + call.pathWithoutQuery() + " answered " + status
                + (message.isEmpty() ? "" : ": " + message);
        if (status >= 400 && status <= 499 && ArtifactSignal.presentIn(response.body())) {
            return new EngineCallException(EngineErrorCode.ARTIFACT_NOT_FOUND, status, false, requestId, null,
                    hint, host(), null);
        }
        if (status == 401 || status == 403) {
            return new EngineCallException(EngineErrorCode.ENGINE_UNAUTHORIZED, status, false, requestId, null,
                    hint, host(), null);
        }
        return new EngineCallException(EngineErrorCode.ENGINE_CALL_FAILED, status, false, requestId, null,
                hint, host(), null);
    }

    /** A 2xx answer DXCP cannot use: empty, not JSON, or without the expected fields. */
    public EngineCallException unusable(GateCall call, GateResponse response, String why) {
        return new EngineCallException(EngineErrorCode.ENGINE_CALL_FAILED, response.status(), false,
                response.upstreamRequestId(), null,
                call.method() + " " + call.pathWithoutQuery() + " answered " + response.status() + " but " + why,
                host(), null);
    }

    private EngineCallException unavailable(EngineErrorCode code, String hint, Exception cause) {
        return new EngineCallException(code, null, true, null, null, hint + "; gate_base_url="
                + Redaction.reduceUrl(baseUrl), host(), cause);
    }

    private String host() {
        return Redaction.hostOf(baseUrl);
    }

    /**
     * The {@code message} of Gate's Spring error body, else a note that the body was not JSON (a proxy's
     * HTML page); never the raw body, which may be a whole HTML page or echo request data.
     */
    private static String errorMessage(GateResponse response) {
        if (response.bodyBlank()) {
            return "";
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String text = body.path("message").asText(body.path("error").asText(""));
            return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
        } catch (IOException e) {
            return "non-JSON body (" + response.headers().firstValue("Content-Type").orElse("no content type") + ")";
        }
    }
}
