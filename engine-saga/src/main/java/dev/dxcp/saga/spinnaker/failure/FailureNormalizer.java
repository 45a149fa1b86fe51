package dev.dxcp.saga.spinnaker.failure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.FailureModel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pure function from an engine execution document to DXCP failures (domain-and-state §9): exactly one
 * failure for a FAILED execution, none otherwise. Signals are tried in order (see {@link FailureSignals});
 * the first that classifies under the rule table ({@link FailureRules}) wins; when none does, a rollback
 * execution fails as ROLLBACK and any other as UNKNOWN. No clock, no I/O: {@code observedAt} is passed in.
 */
public final class FailureNormalizer {

    private FailureNormalizer() {
    }

    /** Normalizes, deriving whether this is a rollback execution from the document itself. */
    public static List<FailureModel> normalize(JsonNode execution, Instant observedAt) {
        return normalize(execution, isRollbackExecution(execution), observedAt);
    }

    public static List<FailureModel> normalize(JsonNode execution, boolean rollbackExecution, Instant observedAt) {
        if (execution == null || ExecutionStatusMapper.map(execution) != EngineObservedState.FAILED) {
            return List.of();
        }
        for (FailureSignal signal : FailureSignals.of(execution)) {
            Optional<FailureRules.Outcome> outcome = FailureRules.classify(signal, rollbackExecution);
            if (outcome.isPresent()) {
                return List.of(outcome.get().at(observedAt));
            }
        }
        FailureRules.Outcome fallback = rollbackExecution ? FailureRules.ROLLBACK_FALLBACK : FailureRules.UNKNOWN;
        return List.of(fallback.at(observedAt));
    }

    /**
     * domain-and-state §9: a rollback execution is one whose {@code name}, {@code pipelineName},
     * {@code pipelineConfigId}, {@code type} or {@code kind}, or any stage's {@code type} or {@code name},
     * contains "rollback" (case-insensitive).
     */
    public static boolean isRollbackExecution(JsonNode execution) {
        if (execution == null) {
            return false;
        }
        for (String field : List.of("name", "pipelineName", "pipelineConfigId", "type", "kind")) {
            if (mentionsRollback(execution.get(field))) {
                return true;
            }
        }
        for (JsonNode stage : execution.path("stages")) {
            if (mentionsRollback(stage.get("type")) || mentionsRollback(stage.get("name"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsRollback(JsonNode value) {
        return value != null && value.isValueNode()
                && value.asText("").toLowerCase(Locale.ROOT).contains("rollback");
    }
}
