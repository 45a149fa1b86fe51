package dev.dxcp.saga.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureModel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the saga tells the command side. Implementations must run each command in its own unit of work
 * (not nested in the saga's deadline unit of work) and retry concurrency conflicts, so a busy lane
 * never makes a step fail late, at the saga's commit.
 */
public interface EngineCommands {
    /** Every report carries the request id of the deploy request, so one id traces it end to end. */
    void executionStarted(String requestId, String deploymentId, String executionId, String executionUrl, Instant at);

    void observed(String requestId, String deploymentId, DeploymentState state, List<FailureModel> failures,
                  Instant at);

    void refused(String requestId, String deploymentId, Refusal refusal, Instant at);

    /** The approval time limit of a deployment waiting for approval passed (docs/GOVERNANCE.md). */
    void approvalExpired(String requestId, String deploymentId, Instant at);

    /** Why a deployment could not be started, with the code its deploy request answers (domain §16). */
    record Refusal(ErrorCode code, String message, String operatorHint, Map<String, Object> details,
                   FailureModel failure) {
    }
}
