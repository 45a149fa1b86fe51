package dev.dxcp.command.configuration;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;

import java.util.List;
import java.util.Map;

/**
 * One broken configuration rule: the contract code, the body field it concerns and a message. The
 * aggregate refuses with the first of an ordered list; the guardrails preview lists them all.
 */
public record Violation(ErrorCode error, String field, String message, Map<String, Object> details) {
    public Violation(ErrorCode error, String field, String message) {
        this(error, field, message, null);
    }

    /** The code as clients see it. */
    public String code() {
        return error.code();
    }

    public Rejection toRejection() {
        return new Rejection(error, message, null, details);
    }

    /** The contract answers with the first failing check (governance §5). */
    public static void refuseFirst(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw violations.get(0).toRejection();
        }
    }

    public static Rejection notFound(String what) {
        return new Rejection(ErrorCode.NOT_FOUND, what + " not found");
    }
}
