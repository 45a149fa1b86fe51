package dev.dxcp.command.deployment;

import dev.dxcp.command.world.CommandWorld.Result;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAdmitted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.idempotency.AdmissionOutcome.Kind;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;
import org.junit.jupiter.api.Test;

import static dev.dxcp.command.world.CommandWorld.T0;
import static dev.dxcp.command.world.DeliveryWorld.SERVICE;
import static dev.dxcp.command.world.DeliveryWorld.UNGROUPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /v1/deployments after the edge, one test per enforcement step of governance §5 (6–16) and without
 * a server: each makes its step fail while a later step would fail too (a used key, a full mutate rate),
 * so the answer shows which step ran first and that nothing after it ran.
 */
class DeploymentSubmissionHandlerTest {
    static final ActorIdentity OWNER = new ActorIdentity("owner@example.com", "DELIVERY_OWNER", "owner@example.com",
            "owner@example.com", null);

    private DeliveryWorld world = new DeliveryWorld().givenRegistered("1.0.0");

    @Test
    void step6_aServiceInNoGroup_isDeniedFirst() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> deploy("key-1", "d-2", UNGROUPED, "sandbox", "1.0.0", null));

        assertThat(result.refusal()).isEqualTo("SERVICE_NOT_IN_DELIVERY_GROUP");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void step7_anEnvironmentTheGroupMayNotUse_isDeniedBeforeTheRecipe() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> deploy("key-1", "d-2", SERVICE, "production", "1.0.0", "no-such-recipe"));

        assertThat(result.refusal()).isEqualTo("ENVIRONMENT_NOT_ALLOWED");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void step8_aRecipeThatDoesNotExist_isDeniedBeforeCompatibility() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> deploy("key-1", "d-2", SERVICE, "sandbox", "not a version", "nope"));

        assertThat(result.refusal()).isEqualTo("RECIPE_NOT_FOUND");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void step9_policyPrecedesCompatibility_aRecipeNotTheGroups_is403EvenWhenAlsoIncompatible() {
        givenKeyUsedAndRateFull();

        // canary is neither the group's nor in svc-a's allowed_recipes.
        Result result = world.when(() -> deploy("key-1", "d-2", SERVICE, "sandbox", "1.0.0", "canary"));

        assertThat(result.refusal()).isEqualTo("RECIPE_NOT_ALLOWED");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void step10_anInvalidVersion_isDeniedBeforeTheRegistryIsAsked() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> deploy("key-1", "d-2", SERVICE, "sandbox", "one.two", null));

        assertThat(result.refusal()).isEqualTo("INVALID_VERSION");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void step11_aVersionNotRegistered_isDeniedBeforeTheKey() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> deploy("key-1", "d-2", SERVICE, "sandbox", "9.9.9", null));

        assertThat(result.refusal()).isEqualTo("VERSION_NOT_FOUND");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void step12_aDifferentIntentUnderAUsedKey_conflictsBeforeTheRate_withoutAnAuditedDenial() {
        givenKeyUsedAndRateFull();

        Result result = world.when(() -> deploy("key-1", "d-2", SERVICE, "sandbox", "1.0.0", null, "fp-other"));

        assertThat(result.refusal()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(result.charged()).isEmpty();
        assertThat(result.events()).isEmpty();
    }

    @Test
    void step12_theSameIntentUnderItsKey_replaysTheRecord_andUsesNothing() {
        Result first = world.when(() -> deploy("key-1", "d-1", SERVICE, "sandbox", "1.0.0", null));
        world.rate.full();

        Result again = world.when(() -> deploy("key-1", "d-2", SERVICE, "sandbox", "1.0.0", null));

        assertThat(again.kind()).isEqualTo(Kind.REPLAYED);
        assertThat(again.outcome().answer()).isEqualTo(first.outcome().answer());
        assertThat(again.outcome().answer().deployment().id()).isEqualTo("d-1");
        assertThat(again.events()).isEmpty();
        assertThat(again.charged()).isEmpty();
    }

    @Test
    void step13_theMutateRate_refusesBeforeTheLaneQuota_withoutAnAuditedDenial() {
        world.rate.full();

        Result result = world.when(() -> deploy("key-1", "d-1", SERVICE, "sandbox", "1.0.0", null));

        assertThat(result.refusal()).isEqualTo("RATE_LIMITED");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void step13_theDailyDeployQuota_refusesBeforeConcurrency_andIsAudited() {
        world = new DeliveryWorld(new Guardrails(1, 1, null)).givenRegistered("1.0.0");
        world.when(() -> deploy("key-1", "d-1", SERVICE, "sandbox", "1.0.0", null));
        // d-1 still runs: concurrency would refuse too.

        Result result = world.when(() -> deploy("key-2", "d-2", SERVICE, "sandbox", "1.0.0", null));

        assertThat(result.refusal()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(result.events(DeploymentDenied.class)).extracting(DeploymentDenied::code)
                .containsExactly("QUOTA_EXCEEDED");
        assertThat(result.events(LaneQuotaConsumed.class)).isEmpty();
    }

    @Test
    void step14_concurrency_refusesAfterTheQuotaUnitWasConsumed_andIsAudited() {
        world.when(() -> deploy("key-1", "d-1", SERVICE, "sandbox", "1.0.0", null));

        Result result = world.when(() -> deploy("key-2", "d-2", SERVICE, "sandbox", "1.0.0", null));

        assertThat(result.refusal()).isEqualTo("CONCURRENCY_LIMIT_REACHED");
        assertThat(result.events(LaneQuotaConsumed.class)).extracting(LaneQuotaConsumed::used).containsExactly(2);
        assertThat(result.events(DeploymentDenied.class)).extracting(DeploymentDenied::code)
                .containsExactly("CONCURRENCY_LIMIT_REACHED");
        assertThat(result.events(DeploymentAccepted.class)).isEmpty();
    }

    @Test
    void step15_aRecipeWithoutAnEngineApplication_isRefusedAfterTheQuota_withoutAnAuditedDenial() {
        Result result = world.when(() -> deploy("key-1", "d-1", SERVICE, "sandbox", "1.0.0", "bare"));

        assertThat(result.refusal()).isEqualTo("INVALID_REQUEST");
        assertThat(result.events(LaneQuotaConsumed.class)).hasSize(1);
        assertThat(result.events(DeploymentDenied.class)).isEmpty();
        assertThat(result.events(DeploymentAdmitted.class)).as("no place taken in the lane").isEmpty();
        assertThat(result.events(DeploymentAccepted.class)).isEmpty();
    }

    @Test
    void step16_anAdmittedDeploy_isRecorded_withTheKeyOnce_andTheKeyRemembersTheAnswer() {
        Result result = world.when(() -> deploy("key-1", "d-1", SERVICE, "sandbox", "1.0.0", null));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(result.charged()).containsExactly("d-1");
        DeploymentAccepted accepted = result.events(DeploymentAccepted.class).get(0);
        assertThat(accepted.submission().idempotency())
                .isEqualTo(new IdempotencyKeyUse("key-1", "POST", "/v1/deployments"));
        assertThat(accepted.placement().laneId()).isEqualTo("lane/payments/sandbox");
        assertThat(accepted.engine().pipeline()).isEqualTo("deploy-standard");
        assertThat(accepted.policy().deploymentsUsed()).as("the policy as it stood before").isZero();
        assertThat(result.events(DeploymentAdmitted.class)).hasSize(1);
        assertThat(result.events(IdempotentResponseRecorded.class)).singleElement()
                .satisfies(recorded -> assertThat(recorded.answer()).isEqualTo(result.outcome().answer()));
    }

    /** key-1 already answered a deploy of svc-a 1.0.0 (d-1), and the actor's mutate rate is used up. */
    private void givenKeyUsedAndRateFull() {
        world.when(() -> deploy("key-1", "d-1", SERVICE, "sandbox", "1.0.0", null));
        world.givenSucceeded("d-1");
        world.rate.full();
    }

    /** Denied by the write's own rule: audited, nothing charged, the key not consulted. */
    private static void assertDeniedBeforeAdmission(Result result) {
        assertThat(result.charged()).isEmpty();
        assertThat(result.events()).singleElement().isInstanceOf(DeploymentDenied.class);
        assertThat(((DeploymentDenied) result.events().get(0)).code()).isEqualTo(result.refusal());
    }

    private dev.dxcp.events.idempotency.AdmissionOutcome deploy(String key, String deploymentId, String service,
                                                               String environment, String version, String recipeId) {
        return deploy(key, deploymentId, service, environment, version, recipeId, "fp-" + version);
    }

    private dev.dxcp.events.idempotency.AdmissionOutcome deploy(String key, String deploymentId, String service,
                                                               String environment, String version, String recipeId,
                                                               String fingerprint) {
        return world.deploys.handle(new SubmitDeployment(new IdempotencyKeyUse(key, "POST", "/v1/deployments"),
                fingerprint, deploymentId, new DeploymentIntent(service, environment, version, "ship it", recipeId),
                OWNER, T0.plusSeconds(60)));
    }
}
