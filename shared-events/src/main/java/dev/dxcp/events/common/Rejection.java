package dev.dxcp.events.common;

import java.util.Map;

/**
 * A decision to refuse a request, carrying the contract's error code (governance §13).
 * Thrown by deciders; the HTTP edge turns it into the error body in exactly one place.
 */
public class Rejection extends RuntimeException {
    private final String code;
    private final int httpStatus;
    private final String operatorHint;
    private final transient Map<String, Object> details;

    public Rejection(String code, int httpStatus, String message) {
        this(code, httpStatus, message, null, null);
    }

    public Rejection(String code, int httpStatus, String message, String operatorHint, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.operatorHint = operatorHint;
        this.details = details;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String operatorHint() {
        return operatorHint;
    }

    public Map<String, Object> details() {
        return details;
    }
}
