package dev.dxcp.command.configuration;

import dev.dxcp.events.common.Rejection;

import java.util.List;
import java.util.Map;

/**
 * One broken configuration rule: the contract code and status, the body field it concerns and a
 * message. The aggregate refuses with the first of an ordered list; the guardrails preview lists them all.
 */
public record Violation(String code, int status, String field, String message, Map<String, Object> details) {
    public Violation(String code, int status, String field, String message) {
        this(code, status, field, message, null);
    }

    public Rejection toRejection() {
        return new Rejection(code, status, message, null, details);
    }

    /** The contract answers with the first failing check (governance §5). */
    public static void refuseFirst(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw violations.get(0).toRejection();
        }
    }

    public static Rejection notFound(String what) {
        return new Rejection("NOT_FOUND", 404, what + " not found");
    }
}
