package dev.dxcp.saga.spinnaker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.saga.spinnaker.failure.EngineObservedState;
import dev.dxcp.saga.spinnaker.failure.FailureNormalizer;
import java.time.Instant;
import java.util.List;

/** The result of polling one execution: either the execution as it is now, or "the engine does not know it". */
public sealed interface ExecutionSnapshot {

    String executionId();

    /** The engine answered with the execution document. */
    record Found(String executionId, EngineObservedState state, String engineStatus, JsonNode execution)
            implements ExecutionSnapshot {

        /** The normalized failures: exactly one when FAILED, none otherwise (domain-and-state §4, §9). */
        public List<FailureModel> failures(Instant observedAt) {
            return FailureNormalizer.normalize(execution, observedAt);
        }
    }

    /**
     * The engine answered 404: domain-and-state §3 says "no change". Also expected briefly after an
     * asynchronous (v2) trigger, before the execution exists (spinnaker-gate §2.2).
     */
    record NotFound(String executionId) implements ExecutionSnapshot {
    }
}
