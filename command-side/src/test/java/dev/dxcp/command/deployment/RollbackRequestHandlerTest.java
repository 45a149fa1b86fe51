package dev.dxcp.command.deployment;

import dev.dxcp.command.world.CommandWorld.Result;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeUpdated;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.deployment.DeploymentCommands.RequestRollback;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAdmitted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.AdmissionOutcome.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dxcp.command.deployment.DeploymentSubmissionHandlerTest.OWNER;
import static dev.dxcp.command.world.CommandWorld.T0;
import static dev.dxcp.command.world.DeliveryWorld.SERVICE;
import static dev.dxcp.events.configuration.ConfigurationEvents.CONFIGURATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /v1/deployments/{id}/rollback after the edge, one test per step of governance §5 (rollback): the
 * record exists, is not a rollback, its group, environment and recipe still allow it; then replay, the
 * mutate rate, the lane's rollback quota and concurrency; then a prior successful version and an engine
 * rollback pipeline. d-1 is a finished deploy of svc-a 1.0.0 in sandbox; the prior success is 0.9.0.
 */
class RollbackRequestHandlerTest {
    private static final DeploymentRecord PRIOR = new DeploymentRecord("d-0", SERVICE, "sandbox", "0.9.0", null,
            "standard", 1, null, DeploymentState.SUCCEEDED, DeploymentKind.ROLL_FORWARD, "SUCCEEDED", "earlier", T0,
            T0, null, DeliveryWorld.GROUP, null, null, List.of());

    private DeliveryWorld world = deployedAndFinished(new DeliveryWorld());

    @Test
    void aTargetThatDoesNotExist_isNotFound_andNothingIsRecorded() {
        world.rate.full();

        Result result = world.when(() -> rollback("key-1", "r-1", "d-404"));

        assertThat(result.refusal()).isEqualTo("NOT_FOUND");
        assertThat(result.events()).isEmpty();
        assertThat(result.charged()).isEmpty();
    }

    @Test
    void aRollbackIsNotRolledBack_beforeTheKeyOrTheRate() {
        world.givenPriorSuccess(PRIOR);
        world.when(() -> rollback("key-1", "r-1", "d-1"));
        world.givenSucceeded("r-1");
        world.rate.full();

        Result result = world.when(() -> rollback("key-2", "r-2", "r-1"));

        assertThat(result.refusal()).isEqualTo("ROLLBACK_OF_ROLLBACK");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void theTargetsEnvironment_mustStillBeUsable() {
        world.given(CONFIGURATION_ID, new EnvironmentUpdated(DeliveryWorld.environment("sandbox"),
                new Environment("sandbox", "sandbox", "non_prod", Environment.DISABLED, null, T0, T0)));
        world.rate.full();

        Result result = world.when(() -> rollback("key-1", "r-1", "d-1"));

        assertThat(result.refusal()).isEqualTo("ENVIRONMENT_DISABLED");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void theTargetsRecipe_mustStillBePermittedByTheGroup() {
        world.given(CONFIGURATION_ID, new DeliveryGroupUpdated(
                DeliveryWorld.group(new Guardrails(null, null, null), List.of("standard", "bare")),
                DeliveryWorld.group(new Guardrails(null, null, null), List.of("bare"))));
        world.rate.full();

        Result result = world.when(() -> rollback("key-1", "r-1", "d-1"));

        assertThat(result.refusal()).isEqualTo("RECIPE_NOT_ALLOWED");
        assertDeniedBeforeAdmission(result);
    }

    @Test
    void theSameRollbackUnderItsKey_replays_andUsesNothing() {
        world.givenPriorSuccess(PRIOR);
        Result first = world.when(() -> rollback("key-1", "r-1", "d-1"));
        world.rate.full();

        Result again = world.when(() -> rollback("key-1", "r-2", "d-1"));

        assertThat(again.kind()).isEqualTo(Kind.REPLAYED);
        assertThat(again.outcome().answer()).isEqualTo(first.outcome().answer());
        assertThat(again.events()).isEmpty();
        assertThat(again.charged()).isEmpty();
    }

    @Test
    void theMutateRate_refusesBeforeTheRollbackQuota() {
        world.givenPriorSuccess(PRIOR);
        world.rate.full();

        Result result = world.when(() -> rollback("key-1", "r-1", "d-1"));

        assertThat(result.refusal()).isEqualTo("RATE_LIMITED");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void theDailyRollbackQuota_refusesBeforeConcurrencyAndThePriorVersion() {
        world = deployedAndFinished(new DeliveryWorld(new Guardrails(5, null, 1)));
        world.givenPriorSuccess(PRIOR);
        world.when(() -> rollback("key-1", "r-1", "d-1"));

        Result result = world.when(() -> rollback("key-2", "r-2", "d-1"));

        assertThat(result.refusal()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(result.events(DeploymentDenied.class)).extracting(DeploymentDenied::code)
                .containsExactly("QUOTA_EXCEEDED");
        assertThat(result.events(LaneQuotaConsumed.class)).isEmpty();
    }

    @Test
    void concurrency_refusesAfterTheQuotaUnitWasConsumed() {
        world.givenPriorSuccess(PRIOR);
        world.when(() -> deploy("key-0", "d-2", "1.0.0"));

        Result result = world.when(() -> rollback("key-1", "r-1", "d-1"));

        assertThat(result.refusal()).isEqualTo("CONCURRENCY_LIMIT_REACHED");
        assertThat(result.events(LaneQuotaConsumed.class)).singleElement()
                .satisfies(used -> assertThat(used.deploymentKind()).isEqualTo(DeploymentKind.ROLLBACK));
        assertThat(result.events(DeploymentDenied.class)).hasSize(1);
    }

    @Test
    void withoutAPriorSuccess_theRollbackIsDeniedAfterItsQuotaStep_takingNoPlace() {
        Result result = world.when(() -> rollback("key-1", "r-1", "d-1"));

        assertThat(result.refusal()).isEqualTo("NO_PRIOR_SUCCESSFUL_VERSION");
        assertThat(result.events(LaneQuotaConsumed.class)).hasSize(1);
        assertThat(result.events(DeploymentAdmitted.class)).isEmpty();
        assertThat(result.events(DeploymentDenied.class)).extracting(DeploymentDenied::code)
                .containsExactly("NO_PRIOR_SUCCESSFUL_VERSION");
    }

    @Test
    void aRecipeWithoutAnEngineApplication_isDeniedAfterThePriorVersion() {
        world.givenPriorSuccess(PRIOR);
        world.given(CONFIGURATION_ID, new RecipeUpdated(DeliveryWorld.recipe("standard", "dxcp-demo"),
                DeliveryWorld.recipe("standard", null)));

        Result result = world.when(() -> rollback("key-1", "r-1", "d-1"));

        assertThat(result.refusal()).isEqualTo("MISSING_SPINNAKER_TARGET");
        assertThat(result.events(DeploymentAccepted.class)).isEmpty();
        assertThat(result.events(DeploymentDenied.class)).hasSize(1);
    }

    @Test
    void anAdmittedRollback_returnsToThePriorVersion_withTheKeyOfItsPath() {
        world.givenPriorSuccess(PRIOR);

        Result result = world.when(() -> rollback("key-1", "r-1", "d-1"));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(result.charged()).containsExactly("r-1");
        DeploymentAccepted accepted = result.events(DeploymentAccepted.class).get(0);
        assertThat(accepted.change().kind()).isEqualTo(DeploymentKind.ROLLBACK);
        assertThat(accepted.change().rollbackOf()).isEqualTo("d-1");
        assertThat(accepted.change().version()).isEqualTo("0.9.0");
        assertThat(accepted.engine().pipeline()).isEqualTo("rollback-standard");
        assertThat(accepted.submission().idempotency())
                .isEqualTo(new IdempotencyKeyUse("key-1", "POST", "/v1/deployments/d-1/rollback"));
    }

    private DeliveryWorld deployedAndFinished(DeliveryWorld fresh) {
        world = fresh.givenRegistered("1.0.0");
        world.when(() -> deploy("key-d1", "d-1", "1.0.0"));
        world.givenSucceeded("d-1");
        return world;
    }

    private static void assertDeniedBeforeAdmission(Result result) {
        assertThat(result.charged()).isEmpty();
        assertThat(result.events()).singleElement().isInstanceOf(DeploymentDenied.class);
        DeploymentDenied denied = (DeploymentDenied) result.events().get(0);
        assertThat(denied.code()).isEqualTo(result.refusal());
        assertThat(denied.deploymentKind()).isEqualTo(DeploymentKind.ROLLBACK);
    }

    private AdmissionOutcome deploy(String key, String id, String version) {
        return world.deploys.handle(new SubmitDeployment(new IdempotencyKeyUse(key, "POST", "/v1/deployments"),
                "fp-" + id, id, new DeploymentIntent(SERVICE, "sandbox", version, "ship", null), OWNER, T0));
    }

    private AdmissionOutcome rollback(String key, String id, String target) {
        return world.rollbacks.handle(new RequestRollback(new IdempotencyKeyUse(key, "POST",
                "/v1/deployments/" + target + "/rollback"), id, target, OWNER, T0.plusSeconds(120)));
    }
}
