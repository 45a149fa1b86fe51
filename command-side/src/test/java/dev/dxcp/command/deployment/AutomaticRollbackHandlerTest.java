package dev.dxcp.command.deployment;

import dev.dxcp.command.world.CommandWorld.Decision;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.deployment.AutomaticRollbackMessages;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackRefused;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackStarted;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.StartAutomaticRollback;
import dev.dxcp.events.deployment.DeploymentCommands.RequestRollback;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.governance.AutoRollbackPolicy;
import dev.dxcp.events.governance.FreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowDeclared;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static dev.dxcp.command.deployment.DeploymentSubmissionHandlerTest.OWNER;
import static dev.dxcp.command.world.CommandWorld.T0;
import static dev.dxcp.command.world.DeliveryWorld.GROUP;
import static dev.dxcp.command.world.DeliveryWorld.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic rollback decision (docs/GOVERNANCE.md "Automatic rollback"), given what is in the store and
 * when a failure is decided: under a policy, an engine or application failure of a deploy the engine started
 * is rolled back to the last good version by the system, through the rollback admission, once. d-1 deploys
 * svc-a 1.0.0 to sandbox; the last good version is 0.9.0.
 */
class AutomaticRollbackHandlerTest {
    private static final DeploymentRecord PRIOR = new DeploymentRecord("d-0", SERVICE, "sandbox", "0.9.0", null,
            "standard", 1, null, DeploymentState.SUCCEEDED, DeploymentKind.ROLL_FORWARD, "SUCCEEDED", "earlier", T0,
            T0, null, GROUP, null, null, List.of());
    private static final Instant FAILED_AT = T0.plusSeconds(60);
    private static final Instant DECIDED_AT = T0.plusSeconds(61);
    private static final String ROLLBACK_ID = AutomaticRollbackMessages.rollbackIdOf("d-1");

    private DeliveryWorld world = new DeliveryWorld().givenRegistered("1.0.0");

    @Test
    void anApplicationFailureUnderAPolicy_isRolledBackToTheLastGoodVersion_byTheSystem_withTheFailureAsCause() {
        givenPolicy(null, null);
        givenFailed("d-1", FailureCategory.APP);
        world.givenPriorSuccess(PRIOR);

        Decision<Boolean> decided = decide("d-1");

        assertThat(decided.value()).isTrue();
        DeploymentAccepted rollback = decided.events(DeploymentAccepted.class).get(0);
        assertThat(rollback.deploymentId()).isEqualTo(ROLLBACK_ID);
        assertThat(rollback.deploymentKind()).isEqualTo(DeploymentKind.ROLLBACK);
        assertThat(rollback.rollbackOf()).isEqualTo("d-1");
        assertThat(rollback.version()).isEqualTo("0.9.0");
        assertThat(rollback.actor()).isEqualTo(AutomaticRollbackMessages.SYSTEM);
        assertThat(rollback.changeSummary()).isEqualTo("automatic rollback of d-1 to 0.9.0 after it failed");
        assertThat(rollback.submission().idempotency()).isEqualTo(AutomaticRollbackMessages.idempotencyOf("d-1"));
        assertThat(decided.events(LaneQuotaConsumed.class)).singleElement()
                .satisfies(used -> assertThat(used.deploymentKind()).isEqualTo(DeploymentKind.ROLLBACK));
        assertThat(decided.events(AutomaticRollbackStarted.class)).containsExactly(new AutomaticRollbackStarted(
                "d-1", ROLLBACK_ID, "payments-auto", SERVICE, "sandbox", GROUP, List.of(FailureCategory.APP),
                DECIDED_AT));
    }

    @Test
    void theSameFailureDecidedAgain_startsNoSecondRollback_andSpendsNothing() {
        givenPolicy(null, null);
        givenFailed("d-1", FailureCategory.APP);
        world.givenPriorSuccess(PRIOR);
        decide("d-1");

        Decision<Boolean> again = decide("d-1");

        assertThat(again.value()).isFalse();
        assertThat(again.events()).isEmpty();
        assertThat(world.stream(ROLLBACK_ID)).filteredOn(DeploymentAccepted.class::isInstance).hasSize(1);
    }

    @Test
    void aDecisionThatLostTheRaceAfterItsAdmission_replaysTheRollbackUnderTheDerivedKey() {
        // Another instance admitted the rollback under the derived key; this one only records the outcome.
        givenPolicy(null, null);
        givenFailed("d-1", FailureCategory.APP);
        world.givenPriorSuccess(PRIOR);
        world.when(() -> world.rollbacks.handle(new RequestRollback(AutomaticRollbackMessages.idempotencyOf("d-1"),
                ROLLBACK_ID, "d-1", AutomaticRollbackMessages.SYSTEM, DECIDED_AT)));

        Decision<Boolean> decided = decide("d-1");

        assertThat(decided.events(DeploymentAccepted.class)).isEmpty();
        assertThat(decided.events(LaneQuotaConsumed.class)).isEmpty();
        assertThat(decided.events(AutomaticRollbackStarted.class)).singleElement()
                .satisfies(started -> assertThat(started.rollbackDeploymentId()).isEqualTo(ROLLBACK_ID));
    }

    @ParameterizedTest
    @EnumSource(value = FailureCategory.class, names = {"APP", "INFRASTRUCTURE", "TIMEOUT", "UNKNOWN"})
    void engineAndApplicationFailures_areRolledBack(FailureCategory category) {
        givenPolicy(null, null);
        givenFailed("d-1", category);
        world.givenPriorSuccess(PRIOR);

        assertThat(decide("d-1").value()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = FailureCategory.class, names = {"VALIDATION", "POLICY", "ARTIFACT", "CONFIG", "ROLLBACK"})
    void requestPolicyArtifactAndConfigurationFailures_areLeftToPeople(FailureCategory category) {
        givenPolicy(null, null);
        givenFailed("d-1", category);
        world.givenPriorSuccess(PRIOR);

        Decision<Boolean> decided = decide("d-1");

        assertThat(decided.value()).isFalse();
        assertThat(decided.events()).isEmpty();
    }

    @Test
    void aCanceledDeployment_isNotRolledBack() {
        givenPolicy(null, null);
        deploy("d-1");
        world.given("d-1", new EngineExecutionStarted("d-1", "01EXEC", null, T0.plusSeconds(5)),
                new DeploymentCanceled("d-1", FAILED_AT));
        world.givenPriorSuccess(PRIOR);

        assertThat(decide("d-1").events()).isEmpty();
    }

    @Test
    void aFailureBeforeTheEngineStarted_changedNothing_andIsNotRolledBack() {
        givenPolicy(null, null);
        deploy("d-1");
        world.given("d-1", new DeploymentFailed("d-1", List.of(failure(FailureCategory.INFRASTRUCTURE)), FAILED_AT));
        world.givenPriorSuccess(PRIOR);

        assertThat(decide("d-1").events()).isEmpty();
    }

    @Test
    void aFailedRollback_isNeverRolledBack() {
        givenPolicy(null, null);
        givenFailed("d-1", FailureCategory.APP);
        world.givenPriorSuccess(PRIOR);
        decide("d-1");
        world.given(ROLLBACK_ID, new EngineExecutionStarted(ROLLBACK_ID, "01RB", null, DECIDED_AT),
                new DeploymentFailed(ROLLBACK_ID, List.of(failure(FailureCategory.APP)), DECIDED_AT.plusSeconds(30)));

        Decision<Boolean> decided = decide(ROLLBACK_ID);

        assertThat(decided.value()).isFalse();
        assertThat(decided.events()).isEmpty();
    }

    @Test
    void withoutAPolicy_aFailureIsLeftAsItIs() {
        givenFailed("d-1", FailureCategory.APP);
        world.givenPriorSuccess(PRIOR);

        assertThat(decide("d-1").events()).isEmpty();
    }

    @Test
    void aPolicyForAnotherEnvironmentOrRecipe_doesNotCoverTheDeployment() {
        givenPolicy("staging", null);
        world.given(GovernanceMessages.GOVERNANCE_ID, new AutoRollbackPolicyDeclared(new AutoRollbackPolicy(
                "canary-only", GROUP, null, "canary", T0, "admin")));
        givenFailed("d-1", FailureCategory.APP);
        world.givenPriorSuccess(PRIOR);

        assertThat(decide("d-1").events()).isEmpty();
    }

    @Test
    void withoutAnEarlierGoodVersion_nothingIsAdmitted_andTheReasonIsRecorded() {
        givenPolicy("sandbox", "standard");
        givenFailed("d-1", FailureCategory.APP);

        Decision<Boolean> decided = decide("d-1");

        assertThat(decided.value()).isFalse();
        assertThat(decided.events(LaneQuotaConsumed.class)).isEmpty();
        assertThat(decided.events(DeploymentDenied.class)).isEmpty();
        assertThat(decided.events(AutomaticRollbackRefused.class)).singleElement()
                .satisfies(refused -> assertThat(refused.code()).isEqualTo("NO_PRIOR_SUCCESSFUL_VERSION"));
    }

    @Test
    void aSpentRollbackQuota_refusesTheRollbackVisibly_andALaterDeliveryDoesNotRetryIt() {
        world = new DeliveryWorld(new Guardrails(5, null, 1)).givenRegistered("1.0.0");
        givenPolicy(null, null);
        givenFailed("d-1", FailureCategory.APP);
        world.givenPriorSuccess(PRIOR);
        world.when(() -> world.rollbacks.handle(new RequestRollback(new IdempotencyKeyUse("k", "POST",
                "/v1/deployments/d-1/rollback"), "r-manual", "d-1", OWNER, FAILED_AT)));
        world.given("r-manual", new DeploymentFailed("r-manual", List.of(), FAILED_AT.plusSeconds(1)));

        Decision<Boolean> decided = decide("d-1");

        assertThat(decided.value()).isFalse();
        assertThat(decided.events(DeploymentAccepted.class)).isEmpty();
        assertThat(decided.events(DeploymentDenied.class)).extracting(DeploymentDenied::code)
                .containsExactly("QUOTA_EXCEEDED");
        assertThat(decided.events(AutomaticRollbackRefused.class)).singleElement()
                .satisfies(refused -> assertThat(refused.code()).isEqualTo("QUOTA_EXCEEDED"));
        assertThat(decide("d-1").events()).isEmpty();
    }

    @Test
    void aFreezeThatHoldsRollbacks_refusesTheAutomaticRollbackToo() {
        givenPolicy(null, null);
        givenFailed("d-1", FailureCategory.APP);
        world.given(GovernanceMessages.GOVERNANCE_ID, new FreezeWindowDeclared(new FreezeWindow("hold-all", GROUP,
                null, "Incident review", FAILED_AT, T0.plusSeconds(3600), null, false, FAILED_AT, "admin")));
        world.givenPriorSuccess(PRIOR);

        Decision<Boolean> decided = decide("d-1");

        assertThat(decided.events(AutomaticRollbackRefused.class)).singleElement()
                .satisfies(refused -> assertThat(refused.code()).isEqualTo("FREEZE_WINDOW_ACTIVE"));
    }

    private Decision<Boolean> decide(String failedId) {
        return world.deciding(() -> world.automaticRollbacks.handle(new StartAutomaticRollback(failedId, DECIDED_AT)));
    }

    private void givenPolicy(String environment, String recipe) {
        world.given(GovernanceMessages.GOVERNANCE_ID, new AutoRollbackPolicyDeclared(new AutoRollbackPolicy(
                "payments-auto", GROUP, environment, recipe, T0, "admin")));
    }

    private void givenFailed(String id, FailureCategory category) {
        deploy(id);
        world.given(id, new EngineExecutionStarted(id, "01EXEC", null, T0.plusSeconds(5)),
                new DeploymentFailed(id, category == FailureCategory.UNKNOWN ? List.of() : List.of(failure(category)),
                        FAILED_AT));
    }

    private void deploy(String id) {
        AdmissionOutcome outcome = world.when(() -> world.deploys.handle(new SubmitDeployment(new IdempotencyKeyUse(
                "key-" + id, "POST", "/v1/deployments"), "fp-" + id, id, new DeploymentIntent(SERVICE, "sandbox",
                "1.0.0", "ship", null), OWNER, T0))).outcome();
        assertThat(outcome.kind()).isEqualTo(AdmissionOutcome.Kind.ACCEPTED);
    }

    private static FailureModel failure(FailureCategory category) {
        return new FailureModel(category, "It failed", null, null, FAILED_AT);
    }
}
