package dev.dxcp.command.deployment;

import dev.dxcp.command.world.CommandWorld.Result;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.PromotionCommands.SubmitPromotion;
import dev.dxcp.events.deployment.PromotionIntent;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.AdmissionOutcome.Kind;
import org.junit.jupiter.api.Test;

import static dev.dxcp.command.deployment.DeploymentSubmissionHandlerTest.OWNER;
import static dev.dxcp.command.world.CommandWorld.T0;
import static dev.dxcp.command.world.DeliveryWorld.SERVICE;
import static dev.dxcp.command.world.DeliveryWorld.UNGROUPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /v1/promotions after the edge, one test per step: the promotion's own checks in contract order
 * (target, group, environments, promotion path, the target's deploy policy, version, success in the
 * source), then admission into the target lane exactly as a deploy; refusals are audited as PROMOTE.
 */
class PromotionSubmissionHandlerTest {
    private final DeliveryWorld world = new DeliveryWorld().givenRegistered("1.0.0");

    @Test
    void aTargetIsRequired_beforeAnythingElse() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> promote("key-1", "p-2", UNGROUPED, "sandbox", "sandbox", "9.9.9"));

        assertThat(result.refusal()).isEqualTo("PROMOTION_TARGET_REQUIRED");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void theServicesGroup_comesBeforeItsEnvironments() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> promote("key-1", "p-2", UNGROUPED, "production", "staging", "1.0.0"));

        assertThat(result.refusal()).isEqualTo("SERVICE_NOT_IN_DELIVERY_GROUP");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void theSourceEnvironment_mustBeTheGroups() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> promote("key-1", "p-2", SERVICE, "production", "staging", "9.9.9"));

        assertThat(result.refusal()).isEqualTo("ENVIRONMENT_NOT_ALLOWED");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void thePromotionPath_isCheckedBeforeTheVersion() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> promote("key-1", "p-2", SERVICE, "staging", "sandbox", "9.9.9"));

        assertThat(result.refusal()).isEqualTo("PROMOTION_PATH_NOT_ALLOWED");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void theVersion_mustBeRegistered_beforeItsSuccessInTheSourceIsAsked() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> promote("key-1", "p-2", SERVICE, "sandbox", "staging", "9.9.9"));

        assertThat(result.refusal()).isEqualTo("VERSION_NOT_FOUND");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void theVersion_mustHaveSucceededInTheSource_beforeTheKey() {
        givenKeyUsedAndRateFull();
        world.givenRegistered("2.0.0");

        Result result = world.when(() -> promote("key-1", "p-2", SERVICE, "sandbox", "staging", "2.0.0"));

        assertThat(result.refusal()).isEqualTo("PROMOTION_VERSION_INELIGIBLE");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void aDifferentPromotionUnderAUsedKey_conflictsBeforeTheRate() {
        givenKeyUsedAndRateFull();
        world.givenSucceededIn("sandbox", "1.0.0");

        Result result = world.when(() -> promote("key-1", "p-2", SERVICE, "sandbox", "staging", "1.0.0", "fp-other"));

        assertThat(result.refusal()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(result.charged()).isEmpty();
        assertThat(result.events()).isEmpty();
    }

    @Test
    void theMutateRate_refusesBeforeTheTargetLane() {
        world.givenSucceededIn("sandbox", "1.0.0");
        world.rate.full();

        Result result = world.when(() -> promote("key-1", "p-1", SERVICE, "sandbox", "staging", "1.0.0"));

        assertThat(result.refusal()).isEqualTo("RATE_LIMITED");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void theTargetLanesConcurrency_refusesAfterItsQuotaUnit_auditedAsAPromotion() {
        world.givenSucceededIn("sandbox", "1.0.0");
        world.when(() -> world.deploys.handle(new SubmitDeployment(
                new IdempotencyKeyUse("key-0", "POST", "/v1/deployments"), "fp-0", "d-0",
                new DeploymentIntent(SERVICE, "staging", "1.0.0", "direct", null), OWNER, T0)));

        Result result = world.when(() -> promote("key-1", "p-1", SERVICE, "sandbox", "staging", "1.0.0"));

        assertThat(result.refusal()).isEqualTo("CONCURRENCY_LIMIT_REACHED");
        assertThat(result.events(LaneQuotaConsumed.class)).hasSize(1);
        assertThat(result.events(DeploymentDenied.class)).singleElement()
                .satisfies(denied -> assertThat(denied.deploymentKind()).isEqualTo(DeploymentKind.PROMOTE));
    }

    @Test
    void anAdmittedPromotion_isARecordInTheTarget_namingItsSource() {
        world.givenSucceededIn("sandbox", "1.0.0");

        Result result = world.when(() -> promote("key-1", "p-1", SERVICE, "sandbox", "staging", "1.0.0"));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        DeploymentAccepted accepted = result.events(DeploymentAccepted.class).get(0);
        assertThat(accepted.change().kind()).isEqualTo(DeploymentKind.PROMOTE);
        assertThat(accepted.change().sourceEnvironment()).isEqualTo("sandbox");
        assertThat(accepted.placement().environment()).isEqualTo("staging");
        assertThat(accepted.submission().idempotency())
                .isEqualTo(new IdempotencyKeyUse("key-1", "POST", "/v1/promotions"));
    }

    /** key-1 already answered a promotion of 1.0.0 (p-1, since finished), and the mutate rate is used up. */
    private void givenKeyUsedAndRateFull() {
        world.givenSucceededIn("sandbox", "1.0.0");
        world.when(() -> promote("key-1", "p-1", SERVICE, "sandbox", "staging", "1.0.0"));
        world.givenSucceeded("p-1");
        world.rate.full();
    }

    private static void assertDeniedBeforeAdmission(Result result) {
        assertThat(result.charged()).isEmpty();
        assertThat(result.events()).singleElement().isInstanceOf(DeploymentDenied.class);
        DeploymentDenied denied = (DeploymentDenied) result.events().get(0);
        assertThat(denied.code()).isEqualTo(result.refusal());
        assertThat(denied.deploymentKind()).isEqualTo(DeploymentKind.PROMOTE);
    }

    private AdmissionOutcome promote(String key, String id, String service, String source, String target,
                                     String version) {
        return promote(key, id, service, source, target, version, "fp-" + version);
    }

    private AdmissionOutcome promote(String key, String id, String service, String source, String target,
                                     String version, String fingerprint) {
        return world.promotions.handle(new SubmitPromotion(new IdempotencyKeyUse(key, "POST", "/v1/promotions"),
                fingerprint, id, new PromotionIntent(service, source, target, version, "onward"), OWNER,
                T0.plusSeconds(60)));
    }
}
