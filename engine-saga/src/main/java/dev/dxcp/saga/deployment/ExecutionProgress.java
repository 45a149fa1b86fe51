package dev.dxcp.saga.deployment;

import java.time.Instant;

/**
 * What the saga knows of its execution between steps (kept in the saga store).
 *
 * @param observedAt    last successful observation of the engine (or acceptance, before the trigger)
 * @param reportedState last state reported to the command side
 * @param reportedAt    when it was reported (for the heartbeat)
 * @param attempt       trigger attempts so far, or polls so far once triggered
 * @param unanswered    the last trigger attempt got no answer and the attempts are used up: the next
 *                      step only searches Gate for the execution, and refuses with this if there is none
 */
public record ExecutionProgress(String executionId, String executionUrl, String reportedState, Instant observedAt,
                                Instant reportedAt, int attempt, UnansweredTrigger unanswered) {

    /** The engine code and upstream status of a trigger whose outcome is unknown. */
    public record UnansweredTrigger(String code, Integer upstreamStatus) {
    }

    public static ExecutionProgress accepted(Instant createdAt) {
        return new ExecutionProgress(null, null, "IN_PROGRESS", createdAt, createdAt, 0, null);
    }

    ExecutionProgress started(String id, String url, Instant at) {
        return new ExecutionProgress(id, url, reportedState, at, at, 0, null);
    }

    ExecutionProgress retried() {
        return new ExecutionProgress(executionId, executionUrl, reportedState, observedAt, reportedAt, attempt + 1,
                unanswered);
    }

    ExecutionProgress awaitingSearch(UnansweredTrigger trigger) {
        return new ExecutionProgress(executionId, executionUrl, reportedState, observedAt, reportedAt, attempt + 1,
                trigger);
    }

    ExecutionProgress observed(Instant at) {
        return new ExecutionProgress(executionId, executionUrl, reportedState, at, reportedAt, attempt + 1, null);
    }

    ExecutionProgress reported(String state, Instant at) {
        return new ExecutionProgress(executionId, executionUrl, state, at, at, attempt + 1, null);
    }
}
