package dev.dxcp.saga.spinnaker.transport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failed call to the engine, already translated to DXCP's contract (domain-and-state §16,
 * governance §12-§13). The single HTTP error handler turns it into the error body; the saga reads
 * {@link #engineUnavailable()} to decide whether the failure is the engine's health or the request.
 *
 * <p>Every text field is redacted before it is stored here, so logging the exception cannot leak a
 * credential (governance §12: hints are redacted).
 */
public final class EngineCallException extends RuntimeException {

    private final EngineErrorCode code;
    private final Integer upstreamStatus;
    private final boolean engineUnavailable;
    private final String upstreamRequestId;
    private final String location;
    private final String operatorHint;
    private final String engineHost;

    EngineCallException(EngineErrorCode code, Integer upstreamStatus, boolean connectionOrTimeoutFailure,
                        String upstreamRequestId, String location, String operatorHint, String engineHost,
                        Throwable cause) {
        super(code + (upstreamStatus == null ? "" : " (upstream status " + upstreamStatus + ")")
                + (operatorHint == null ? "" : ": " + Redaction.redact(operatorHint)), cause);
        this.code = code;
        this.upstreamStatus = upstreamStatus;
        this.engineUnavailable = isEngineUnavailable(code, upstreamStatus, connectionOrTimeoutFailure);
        this.upstreamRequestId = upstreamRequestId;
        this.location = location == null ? null : Redaction.redact(location);
        this.operatorHint = operatorHint == null ? null : Redaction.redact(operatorHint);
        this.engineHost = engineHost;
    }

    /** For callers outside the adapter (e.g. a saga test's fake engine): no upstream answer details. */
    public static EngineCallException of(EngineErrorCode code, Integer upstreamStatus, String operatorHint) {
        return new EngineCallException(code, upstreamStatus, false, null, null, operatorHint, null, null);
    }

    /**
     * domain-and-state §16: {@code engine_unavailable} is true for ENGINE_UNAVAILABLE, ENGINE_TIMEOUT,
     * connection/timeout failures, or ENGINE_CALL_FAILED with an engine HTTP status of 500 or more.
     */
    static boolean isEngineUnavailable(EngineErrorCode code, Integer upstreamStatus, boolean connectionOrTimeout) {
        return code == EngineErrorCode.ENGINE_UNAVAILABLE
                || code == EngineErrorCode.ENGINE_TIMEOUT
                || connectionOrTimeout
                || (code == EngineErrorCode.ENGINE_CALL_FAILED && upstreamStatus != null && upstreamStatus >= 500);
    }

    public EngineErrorCode code() {
        return code;
    }

    /** The HTTP status DXCP answers with for this code. */
    public int httpStatus() {
        return code.httpStatus();
    }

    /** The engine's own HTTP status, or null when no response was received. */
    public Integer upstreamStatus() {
        return upstreamStatus;
    }

    public boolean engineUnavailable() {
        return engineUnavailable;
    }

    /** The engine's {@code X-SPINNAKER-REQUEST-ID} response header, when a response was received. */
    public String upstreamRequestId() {
        return upstreamRequestId;
    }

    /** The redacted {@code Location} of a redirect answer (ENGINE_MISCONFIGURED), else null. */
    public String location() {
        return location;
    }

    /** A redacted hint for platform admins (governance §12 operator_hint). */
    public String operatorHint() {
        return operatorHint;
    }

    /** Host (and port) of the engine, for the admin-only {@code engine_host} diagnostic. */
    public String engineHost() {
        return engineHost;
    }

    /**
     * The {@code details} object of the error body (governance §12): {@code engine_unavailable} always;
     * {@code diagnostics} only when the engine is unavailable; {@code engine_host} only for admins.
     */
    public Map<String, Object> details(boolean includeEngineHost) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine_unavailable", engineUnavailable);
        if (engineUnavailable) {
            Map<String, Object> diagnostics = new LinkedHashMap<>();
            diagnostics.put("upstream_status", upstreamStatus);
            diagnostics.put("engine", "spinnaker");
            diagnostics.put("request_id", upstreamRequestId);
            if (includeEngineHost && engineHost != null) {
                diagnostics.put("engine_host", engineHost);
            }
            details.put("diagnostics", diagnostics);
        }
        return details;
    }
}
