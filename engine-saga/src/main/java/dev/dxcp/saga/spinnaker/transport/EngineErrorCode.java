package dev.dxcp.saga.spinnaker.transport;

import dev.dxcp.events.common.ErrorCode;

/**
 * The contract codes an engine call can fail with (governance §13, domain-and-state §16); the catalogue
 * ({@link ErrorCode}) says what each answers with.
 */
public enum EngineErrorCode {
    /** Cannot connect, engine not configured or not live. */
    ENGINE_UNAVAILABLE(ErrorCode.ENGINE_UNAVAILABLE),
    /** The engine did not answer within the read timeout. */
    ENGINE_TIMEOUT(ErrorCode.ENGINE_TIMEOUT),
    /** The engine answered 401/403 for a reason other than a missing or denied artifact. */
    ENGINE_UNAUTHORIZED(ErrorCode.ENGINE_UNAUTHORIZED),
    /** The engine answered a redirect: DXCP is pointed at a login page, not at the API. */
    ENGINE_MISCONFIGURED(ErrorCode.ENGINE_MISCONFIGURED),
    /** Any other engine failure, including 5xx and a trigger answer without an execution id. */
    ENGINE_CALL_FAILED(ErrorCode.ENGINE_CALL_FAILED),
    /** The engine reported the build artifact missing or access to it denied. */
    ARTIFACT_NOT_FOUND(ErrorCode.ARTIFACT_NOT_FOUND);

    private final ErrorCode errorCode;

    EngineErrorCode(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return errorCode.status();
    }
}
