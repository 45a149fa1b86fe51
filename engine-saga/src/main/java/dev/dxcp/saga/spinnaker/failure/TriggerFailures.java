package dev.dxcp.saga.spinnaker.failure;

import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import java.time.Instant;

/**
 * A trigger that the engine refused or never answered, as a failure the user can read. Decided as:
 *
 * <pre>
 *  ENGINE_UNAVAILABLE                 → INFRASTRUCTURE  delivery system unavailable
 *  ENGINE_TIMEOUT                     → TIMEOUT         delivery system did not answer in time
 *  ENGINE_MISCONFIGURED               → CONFIG          DXCP's connection to it is misconfigured (redirect)
 *  ENGINE_UNAUTHORIZED                → POLICY          DXCP's engine identity was refused (401/403, the
 *                                                       engine's permission check: spinnaker-gate §7.4)
 *  ARTIFACT_NOT_FOUND                 → ARTIFACT        artifact missing or denied: rebuild and publish
 *  ENGINE_CALL_FAILED, upstream ≥ 500
 *    or 429                           → INFRASTRUCTURE
 *  ENGINE_CALL_FAILED, other 4xx      → CONFIG          pipeline not found, disabled, or expecting a
 *                                                       parameter DXCP does not send (§7.4 trigger 400/404)
 *  ENGINE_CALL_FAILED, unusable 2xx   → UNKNOWN         accepted without an execution id, malformed answer
 * </pre>
 */
public final class TriggerFailures {

    private static final String RETRY_LATER = "Retry later, or contact the platform team if it persists.";

    private TriggerFailures() {
    }

    public static FailureModel toFailure(EngineCallException e, Instant observedAt) {
        switch (e.code()) {
            case ENGINE_UNAVAILABLE:
                return failure(FailureCategory.INFRASTRUCTURE, "The delivery system was unavailable.",
                        "The deployment could not be started.", RETRY_LATER, observedAt);
            case ENGINE_TIMEOUT:
                return failure(FailureCategory.TIMEOUT, "The delivery system did not answer in time.",
                        "The deployment may or may not have started.", RETRY_LATER, observedAt);
            case ENGINE_MISCONFIGURED:
                return failure(FailureCategory.CONFIG, "The connection to the delivery system is misconfigured.",
                        "The deployment could not be started.",
                        "Ask the platform team to check the delivery system connection.", observedAt);
            case ENGINE_UNAUTHORIZED:
                return failure(FailureCategory.POLICY, "The delivery system refused the request.",
                        "DXCP is not permitted to start this deployment.",
                        "Contact the platform team to check delivery permissions.", observedAt);
            case ARTIFACT_NOT_FOUND:
                return failure(FailureCategory.ARTIFACT, "The build artifact is not available.",
                        "The stored build could not be found or read.",
                        "Rebuild, publish and deploy a new version.", observedAt);
            default:
                return callFailed(e.upstreamStatus(), observedAt);
        }
    }

    private static FailureModel callFailed(Integer upstreamStatus, Instant observedAt) {
        if (upstreamStatus != null && (upstreamStatus >= 500 || upstreamStatus == 429)) {
            return failure(FailureCategory.INFRASTRUCTURE, "The delivery system was unavailable.",
                    "The deployment could not be started.", RETRY_LATER, observedAt);
        }
        if (upstreamStatus != null && upstreamStatus >= 400) {
            return failure(FailureCategory.CONFIG, "The delivery configuration is missing or invalid.",
                    "The delivery system rejected the request to start the deployment.",
                    "Ask the platform team to fix the delivery configuration.", observedAt);
        }
        return failure(FailureCategory.UNKNOWN, "The deployment could not be started.",
                "The delivery system's answer could not be understood.",
                "Retry, or contact the platform team.", observedAt);
    }

    private static FailureModel failure(FailureCategory category, String summary, String detail, String hint,
                                        Instant observedAt) {
        return new FailureModel(category, summary, detail, hint, observedAt);
    }
}
