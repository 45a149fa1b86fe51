package dev.dxcp.server.http.audit;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;

import java.time.Instant;

/** Query parameters of the audit endpoints; a bad value is 400 INVALID_REQUEST (governance §13). */
final class AuditParams {
    private AuditParams() {
    }

    static String optional(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    static Instant time(String raw, String name) {
        if (optional(raw) == null) {
            return null;
        }
        return Timestamps.parse(raw).orElseThrow(() -> invalid(name + " must be an ISO-8601 timestamp"));
    }

    static Long position(String raw, String name) {
        if (optional(raw) == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(name + " must be a non-negative integer");
    }

    static Rejection invalid(String message) {
        return new Rejection(ErrorCode.INVALID_REQUEST, message);
    }
}
