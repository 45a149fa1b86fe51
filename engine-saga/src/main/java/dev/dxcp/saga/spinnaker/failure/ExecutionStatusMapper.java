package dev.dxcp.saga.spinnaker.failure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * Engine status → DXCP state, exactly the table of domain-and-state §3. Status is read from the
 * execution's {@code status}, else {@code state}, upper-cased. Orca-internal values such as
 * {@code FAILED_CONTINUE}, {@code SKIPPED} and {@code REDIRECT} fall into "anything else" → PENDING.
 */
public final class ExecutionStatusMapper {

    private static final Map<String, EngineObservedState> TABLE = Map.ofEntries(
            Map.entry("RUNNING", EngineObservedState.IN_PROGRESS),
            Map.entry("NOT_STARTED", EngineObservedState.IN_PROGRESS),
            Map.entry("STARTED", EngineObservedState.IN_PROGRESS),
            Map.entry("BUFFERED", EngineObservedState.IN_PROGRESS),
            Map.entry("PAUSED", EngineObservedState.IN_PROGRESS),
            Map.entry("SUSPENDED", EngineObservedState.IN_PROGRESS),
            Map.entry("SUCCEEDED", EngineObservedState.SUCCEEDED),
            Map.entry("ROLLED_BACK", EngineObservedState.ROLLED_BACK),
            Map.entry("TERMINAL", EngineObservedState.FAILED),
            Map.entry("FAILED", EngineObservedState.FAILED),
            Map.entry("CANCELED", EngineObservedState.CANCELED),
            Map.entry("STOPPED", EngineObservedState.CANCELED));

    private ExecutionStatusMapper() {
    }

    public static EngineObservedState map(String engineStatus) {
        if (engineStatus == null) {
            return EngineObservedState.PENDING;
        }
        return TABLE.getOrDefault(engineStatus.trim().toUpperCase(Locale.ROOT), EngineObservedState.PENDING);
    }

    public static EngineObservedState map(JsonNode execution) {
        return map(rawStatus(execution));
    }

    /** The execution's {@code status}, else {@code state}; empty when neither is present. */
    public static String rawStatus(JsonNode execution) {
        if (execution == null) {
            return "";
        }
        String status = execution.path("status").asText("");
        return status.isBlank() ? execution.path("state").asText("") : status;
    }
}
