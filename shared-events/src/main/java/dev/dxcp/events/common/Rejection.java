package dev.dxcp.events.common;

import java.util.Map;

/**
 * A decision to refuse a request, carrying the contract's error code (governance §13).
 * Thrown by deciders, or returned as a value where the refusal must not roll back what was decided
 * before it; the HTTP edge turns it into the error body in exactly one place.
 */
public class Rejection extends RuntimeException {
    private final ErrorCode error;
    private final String operatorHint;
    private final transient Map<String, Object> details;

    public Rejection(ErrorCode error, String message) {
        this(error, message, null, null);
    }

    public Rejection(ErrorCode error, String message, String operatorHint, Map<String, Object> details) {
        super(message, null, false, false);
        this.error = error;
        this.operatorHint = operatorHint;
        this.details = details;
    }

    public ErrorCode error() {
        return error;
    }

    /** The code as clients see it. */
    public String code() {
        return error.code();
    }

    public String operatorHint() {
        return operatorHint;
    }

    public Map<String, Object> details() {
        return details;
    }
}
