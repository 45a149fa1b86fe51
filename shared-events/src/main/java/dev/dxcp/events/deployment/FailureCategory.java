package dev.dxcp.events.deployment;

import java.util.Locale;

/** Normalized failure categories (domain-and-state §9). */
public enum FailureCategory {
    VALIDATION, POLICY, ARTIFACT, INFRASTRUCTURE, CONFIG, APP, TIMEOUT, ROLLBACK, UNKNOWN;

    /** Case-insensitive; the legacy short form {@code INFRA} means INFRASTRUCTURE; anything else is UNKNOWN. */
    public static FailureCategory normalize(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String upper = raw.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("INFRA")) {
            return INFRASTRUCTURE;
        }
        for (FailureCategory category : values()) {
            if (category.name().equals(upper)) {
                return category;
            }
        }
        return UNKNOWN;
    }
}
