package dev.dxcp.events.deployment;

import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.governance.FreezeInForce;

import java.time.Instant;

/**
 * Promotion decisions (api-contract §6). A promotion is a deploy of an already proven build into the
 * target environment: it ends as a {@code DeploymentAccepted} of kind PROMOTE, refusals as a
 * {@code DeploymentDenied} of kind PROMOTE, and the engine saga runs it like any deploy.
 */
public final class PromotionCommands {
    private PromotionCommands() {
    }

    /**
     * POST /v1/promotions after the edge checks; answered with an
     * {@link dev.dxcp.events.idempotency.AdmissionOutcome}.
     */
    public record SubmitPromotion(IdempotencyKeyUse idempotency, String fingerprint, String deploymentId,
                                  PromotionIntent intent, ActorIdentity actor, Instant requestedAt,
                                  String freezeOverride)
            implements DeploymentCommands.RollForwardRequest {
        public SubmitPromotion(IdempotencyKeyUse idempotency, String fingerprint, String deploymentId,
                               PromotionIntent intent, ActorIdentity actor, Instant requestedAt) {
            this(idempotency, fingerprint, deploymentId, intent, actor, requestedAt, null);
        }
    }

    /** POST /v1/promotions/validate: every check of a promotion for this caller, consuming nothing. */
    public record ValidatePromotion(PromotionIntent intent, ActorIdentity actor, String freezeOverride,
                                    Instant requestedAt) {
    }

    /**
     * validate's answer: what the promotion resolved to in the target and the target's policy as it stands;
     * {@code freeze} the window a platform admin's override would go through, else null.
     */
    public record PromotionValidationResult(String service, String sourceEnvironment, String targetEnvironment,
                                            String version, String recipeId, String deliveryGroupId,
                                            PolicySnapshot policy, FreezeInForce freeze) {
    }
}
