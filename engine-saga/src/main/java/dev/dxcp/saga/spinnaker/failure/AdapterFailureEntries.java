package dev.dxcp.saga.spinnaker.failure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Failure entries handed over ready-made by an engine adapter (domain-and-state §9): the category is
 * normalized ({@code INFRA} → INFRASTRUCTURE, unknown → UNKNOWN), a blank summary or action hint gets a
 * generic sentence, {@code detail} passes through, and a missing {@code observedAt} becomes now.
 */
public final class AdapterFailureEntries {

    static final String GENERIC_SUMMARY = "The deployment failed.";
    static final String GENERIC_ACTION_HINT = "Retry, or contact the platform team.";

    private AdapterFailureEntries() {
    }

    public static FailureModel normalize(FailureModel entry, Instant now) {
        return complete(entry.category() == null ? null : entry.category().name(), entry.summary(), entry.detail(),
                entry.actionHint(), entry.observedAt(), now);
    }

    /**
     * An entry as JSON: {@code category}, {@code summary}, {@code detail}, {@code actionHint} (or
     * {@code action_hint}), {@code observedAt} (or {@code observed_at}) as an ISO instant or epoch millis.
     */
    public static FailureModel normalize(JsonNode entry, Instant now) {
        return complete(text(entry, "category"), text(entry, "summary"), text(entry, "detail"),
                text(entry, "actionHint", "action_hint"), instant(entry), now);
    }

    private static FailureModel complete(String category, String summary, String detail, String actionHint,
                                         Instant observedAt, Instant now) {
        return new FailureModel(FailureCategory.normalize(category),
                isBlank(summary) ? GENERIC_SUMMARY : summary,
                detail,
                isBlank(actionHint) ? GENERIC_ACTION_HINT : actionHint,
                observedAt == null ? now : observedAt);
    }

    private static Instant instant(JsonNode entry) {
        JsonNode value = entry.hasNonNull("observedAt") ? entry.get("observedAt") : entry.get("observed_at");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        try {
            return Instant.parse(value.asText().trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode entry, String... fields) {
        for (String field : fields) {
            JsonNode value = entry.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
