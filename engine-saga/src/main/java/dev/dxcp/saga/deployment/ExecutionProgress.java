package dev.dxcp.saga.deployment;

import java.time.Instant;

/**
 * What the saga knows of its execution between steps (kept in the saga store).
 *
 * @param observedAt    last successful observation of the engine (or acceptance, before the trigger)
 * @param reportedState last state reported to the command side
 * @param reportedAt    when it was reported (for the heartbeat)
 * @param attempt       trigger attempts so far, or polls so far once triggered
 */
public record ExecutionProgress(String executionId, String executionUrl, String reportedState, Instant observedAt,
                                Instant reportedAt, int attempt) {

    public static ExecutionProgress accepted(Instant createdAt) {
        return new ExecutionProgress(null, null, "IN_PROGRESS", createdAt, createdAt, 0);
    }

    ExecutionProgress started(String id, String url, Instant at) {
        return new ExecutionProgress(id, url, reportedState, at, at, 0);
    }

    ExecutionProgress retried() {
        return new ExecutionProgress(executionId, executionUrl, reportedState, observedAt, reportedAt, attempt + 1);
    }

    ExecutionProgress observed(Instant at) {
        return new ExecutionProgress(executionId, executionUrl, reportedState, at, reportedAt, attempt + 1);
    }

    ExecutionProgress reported(String state, Instant at) {
        return new ExecutionProgress(executionId, executionUrl, state, at, at, attempt + 1);
    }
}
