package dev.dxcp.events.deployment;

import dev.dxcp.events.common.IdempotencyKeyUse;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Automatic rollback (docs/GOVERNANCE.md "Automatic rollback"): a deployment that ended FAILED for an
 * engine or application reason, under a policy, is rolled back by DXCP itself, as the system actor, through
 * the one admission pipeline. Everything about one failed deployment's automatic rollback is derived from
 * its id, so a redelivered failure, a replay or a second instance ask for the same rollback.
 */
public final class AutomaticRollbackMessages {
    /** The actor of every automatic rollback (its record's actor, its audit entries). */
    public static final ActorIdentity SYSTEM = new ActorIdentity("system", "SYSTEM", null, null, null);
    /** The key the admission remembers the automatic rollback under, with {@link #idempotencyOf}. */
    public static final String KEY_PREFIX = "automatic-rollback-";

    private AutomaticRollbackMessages() {
    }

    /** The record id of the rollback of {@code failedDeploymentId}: the same on every instance and replay. */
    public static String rollbackIdOf(String failedDeploymentId) {
        return UUID.nameUUIDFromBytes((KEY_PREFIX + failedDeploymentId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The Idempotency-Key use the admission sees: the rollback endpoint of the failed deployment. */
    public static IdempotencyKeyUse idempotencyOf(String failedDeploymentId) {
        return new IdempotencyKeyUse(KEY_PREFIX + failedDeploymentId, "POST",
                "/v1/deployments/" + failedDeploymentId + "/rollback");
    }

    // ---- commands ----

    /** Sent by the tracking handler for every DeploymentFailed; {@code at} is when it is decided. */
    public record StartAutomaticRollback(String failedDeploymentId, Instant at) {
    }

    /**
     * Records on the failed deployment what its automatic rollback came to: started ({@code rollbackDeploymentId})
     * or refused ({@code code}, {@code message}). Answers false when one was recorded before (nothing changes).
     */
    public record RecordAutomaticRollback(@TargetAggregateIdentifier String failedDeploymentId, String policyId,
                                          String rollbackDeploymentId, String code, String message, Instant at) {
    }

    // ---- events (on the failed deployment's stream) ----

    /**
     * DXCP started a rollback of a failed deployment on its own.
     *
     * @param failureCategories the failed deployment's normalized categories, the cause
     */
    public record AutomaticRollbackStarted(String failedDeploymentId, String rollbackDeploymentId, String policyId,
                                           String service, String environment, String deliveryGroupId,
                                           List<FailureCategory> failureCategories, Instant at) {
        public AutomaticRollbackStarted {
            failureCategories = failureCategories == null ? List.of() : List.copyOf(failureCategories);
        }
    }

    /**
     * An automatic rollback was due but not started: {@code code} says why (QUOTA_EXCEEDED,
     * NO_PRIOR_SUCCESSFUL_VERSION, FREEZE_WINDOW_ACTIVE, CONCURRENCY_LIMIT_REACHED…).
     */
    public record AutomaticRollbackRefused(String failedDeploymentId, String policyId, String service,
                                           String environment, String deliveryGroupId, String code, String message,
                                           Instant at) {
    }
}
