package dev.dxcp.saga.spinnaker.transport;

/**
 * The contract codes an engine call can fail with, and the HTTP status DXCP answers with
 * (governance §13, domain-and-state §16).
 */
public enum EngineErrorCode {
    /** Cannot connect, engine not configured or not live. */
    ENGINE_UNAVAILABLE(503),
    /** The engine did not answer within the read timeout. */
    ENGINE_TIMEOUT(504),
    /** The engine answered 401/403 for a reason other than a missing or denied artifact. */
    ENGINE_UNAUTHORIZED(502),
    /** The engine answered a redirect: DXCP is pointed at a login page, not at the API. */
    ENGINE_MISCONFIGURED(502),
    /** Any other engine failure, including 5xx and a trigger answer without an execution id. */
    ENGINE_CALL_FAILED(502),
    /** The engine reported the build artifact missing or access to it denied. */
    ARTIFACT_NOT_FOUND(409);

    private final int httpStatus;

    EngineErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
