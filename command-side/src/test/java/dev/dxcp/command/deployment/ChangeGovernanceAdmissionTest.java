package dev.dxcp.command.deployment;

import dev.dxcp.command.world.CommandWorld.Result;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupUpdated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentCommands.RequestRollback;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.PromotionCommands.SubmitPromotion;
import dev.dxcp.events.deployment.PromotionIntent;
import dev.dxcp.events.governance.FreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.FreezeOverridden;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowDeclared;
import dev.dxcp.events.governance.GovernanceMessages.OwnerScopedChangesSet;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.events.idempotency.AdmissionOutcome.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.dxcp.command.world.CommandWorld.T0;
import static dev.dxcp.command.world.DeliveryWorld.GROUP;
import static dev.dxcp.command.world.DeliveryWorld.SERVICE;
import static dev.dxcp.events.configuration.ConfigurationEvents.CONFIGURATION_ID;
import static dev.dxcp.events.governance.GovernanceMessages.GOVERNANCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change governance in the admission of deploys, promotions and rollbacks, without a server
 * (docs/GOVERNANCE.md): owner scope right after the service's group; a freeze window after the key and the
 * mutate rate and before the lane, so a frozen request spends no quota and a request accepted before the
 * freeze still replays.
 */
class ChangeGovernanceAdmissionTest {
    static final ActorIdentity GROUP_OWNER = new ActorIdentity("owner@example.com", "DELIVERY_OWNER",
            "Owner@Example.com", "owner@example.com", null);
    static final ActorIdentity OTHER_OWNER = new ActorIdentity("other@example.com", "DELIVERY_OWNER",
            "other@example.com", "other@example.com", null);
    static final ActorIdentity ADMIN = new ActorIdentity("admin@example.com", "PLATFORM_ADMIN", "admin@example.com",
            "admin@example.com", null);
    static final Instant AT = T0.plusSeconds(60);

    private final DeliveryWorld world = ownedBy(new DeliveryWorld(), new Guardrails(null, null, null),
            "owner@example.com, lead@example.com");

    @Test
    void ownerScopeOn_anOwnerOutsideTheGroup_isRefusedWithScopeRequired_beforeEnvironmentPolicy_andAudited() {
        world.givenRegistered("1.0.0");
        scopingOn();
        world.rate.full();

        // "production" is not the group's: a later step would refuse it with ENVIRONMENT_NOT_ALLOWED.
        Result result = world.when(() -> deploy("k-1", "d-1", OTHER_OWNER, "production", null));

        assertThat(result.refusal()).isEqualTo("DELIVERY_GROUP_SCOPE_REQUIRED");
        assertThat(result.charged()).isEmpty();
        assertThat(result.events()).singleElement().isInstanceOfSatisfying(DeploymentDenied.class,
                denied -> assertThat(denied.code()).isEqualTo("DELIVERY_GROUP_SCOPE_REQUIRED"));
    }

    @Test
    void ownerScopeOn_theGroupsOwner_comparedCaseInsensitively_andAnAdmin_areAccepted() {
        world.givenRegistered("1.0.0");
        scopingOn();

        assertThat(world.when(() -> deploy("k-1", "d-1", GROUP_OWNER, "sandbox", null)).kind())
                .isEqualTo(Kind.ACCEPTED);
        world.givenSucceeded("d-1");
        assertThat(world.when(() -> deploy("k-2", "d-2", ADMIN, "sandbox", null)).kind()).isEqualTo(Kind.ACCEPTED);
    }

    @Test
    void ownerScopeOff_anyOwnerMayChangeAnyService_asBefore() {
        world.givenRegistered("1.0.0");
        world.given(GOVERNANCE_ID, new OwnerScopedChangesSet(null, false, null, T0));

        assertThat(world.when(() -> deploy("k-1", "d-1", OTHER_OWNER, "sandbox", null)).kind())
                .isEqualTo(Kind.ACCEPTED);
    }

    @Test
    void ownerScopeOn_promotionsAndRollbacksOfAnotherGroupsService_areRefusedToo() {
        world.givenRegistered("1.0.0");
        world.when(() -> deploy("k-1", "d-1", GROUP_OWNER, "sandbox", null));
        world.givenSucceeded("d-1");
        world.givenSucceededIn("sandbox", "1.0.0");
        scopingOn();

        Result promotion = world.when(() -> world.promotions.handle(new SubmitPromotion(
                new IdempotencyKeyUse("k-p", "POST", "/v1/promotions"), "fp-p", "p-1",
                new PromotionIntent(SERVICE, "sandbox", "staging", "1.0.0", "promote"), OTHER_OWNER, AT)));
        Result rollback = world.when(() -> rollback("k-r", "r-1", OTHER_OWNER, null));

        assertThat(promotion.refusal()).isEqualTo("DELIVERY_GROUP_SCOPE_REQUIRED");
        assertThat(rollback.refusal()).isEqualTo("DELIVERY_GROUP_SCOPE_REQUIRED");
        assertThat(rollback.events(DeploymentDenied.class)).singleElement()
                .satisfies(d -> assertThat(d.deploymentKind()).isEqualTo(DeploymentKind.ROLLBACK));
    }

    @Test
    void aDeployInsideAFreeze_isRefusedAfterTheRate_spendsNoQuota_andIsAuditedWithTheCode() {
        world.givenRegistered("1.0.0");
        freeze(window("q4", T0, T0.plusSeconds(3600), true));

        Result result = world.when(() -> deploy("k-1", "d-1", GROUP_OWNER, "sandbox", null));

        assertThat(result.refusal()).isEqualTo("FREEZE_WINDOW_ACTIVE");
        assertThat(result.thrown() == null ? result.outcome().refusal().details()
                : result.thrown().details()).containsEntry("freeze_window_id", "q4")
                .containsEntry("ends_at", "2026-03-02T11:00:00.000000Z");
        assertThat(result.charged()).as("the mutate rate ran before the freeze").containsExactly("d-1");
        assertThat(result.events(LaneQuotaConsumed.class)).isEmpty();
        assertThat(result.events(DeploymentDenied.class)).singleElement()
                .satisfies(d -> assertThat(d.code()).isEqualTo("FREEZE_WINDOW_ACTIVE"));
    }

    @Test
    void aDeployAcceptedBeforeTheFreeze_stillReplaysUnderItsKey() {
        world.givenRegistered("1.0.0");
        Result first = world.when(() -> deploy("k-1", "d-1", GROUP_OWNER, "sandbox", null));
        freeze(window("q4", T0, T0.plusSeconds(3600), true));

        Result again = world.when(() -> deploy("k-1", "d-9", GROUP_OWNER, "sandbox", null));

        assertThat(again.kind()).isEqualTo(Kind.REPLAYED);
        assertThat(again.outcome().answer()).isEqualTo(first.outcome().answer());
    }

    @Test
    void aWindowThatHasNotStarted_orCoversAnotherEnvironment_letsTheDeployThrough() {
        world.givenRegistered("1.0.0");
        freeze(window("later", AT.plusSeconds(1), AT.plusSeconds(3600), true));
        freeze(new FreezeWindow("staging-only", GROUP, "staging", "staging freeze", T0, AT.plusSeconds(3600), null,
                true, T0, "admin"));

        assertThat(world.when(() -> deploy("k-1", "d-1", GROUP_OWNER, "sandbox", null)).kind())
                .isEqualTo(Kind.ACCEPTED);
    }

    @Test
    void anAdminsOverrideWithAReason_letsOneDeployThrough_andRecordsTheOverrideWithTheDeployment() {
        world.givenRegistered("1.0.0");
        freeze(window("q4", T0, T0.plusSeconds(3600), true));

        Result result = world.when(() -> deploy("k-1", "d-1", ADMIN, "sandbox", "hotfix for incident 42"));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(result.events(DeploymentAccepted.class)).hasSize(1);
        assertThat(result.events(FreezeOverridden.class)).singleElement().satisfies(o -> {
            assertThat(o.deploymentId()).isEqualTo("d-1");
            assertThat(o.windowId()).isEqualTo("q4");
            assertThat(o.reason()).isEqualTo("hotfix for incident 42");
            assertThat(o.deploymentKind()).isEqualTo("ROLL_FORWARD");
        });
    }

    @Test
    void anOwnersOverride_isNotHonoured() {
        world.givenRegistered("1.0.0");
        freeze(window("q4", T0, T0.plusSeconds(3600), true));

        Result result = world.when(() -> deploy("k-1", "d-1", GROUP_OWNER, "sandbox", "please"));

        assertThat(result.refusal()).isEqualTo("FREEZE_WINDOW_ACTIVE");
        assertThat(result.events(FreezeOverridden.class)).isEmpty();
    }

    @Test
    void anOverriddenDeployThatALaterStepRefuses_recordsNoOverride() {
        Guardrails oneADay = new Guardrails(1, 1, 1);
        DeliveryWorld full = ownedBy(new DeliveryWorld(oneADay), oneADay, "owner@example.com");
        full.givenRegistered("1.0.0");
        full.when(() -> full.deploys.handle(submit("k-0", "d-0", ADMIN, "sandbox", null)));
        full.givenSucceeded("d-0");
        full.given(GOVERNANCE_ID, new FreezeWindowDeclared(window("q4", T0, T0.plusSeconds(3600), true)));

        Result result = full.when(() -> full.deploys.handle(submit("k-1", "d-1", ADMIN, "sandbox", "hotfix")));

        assertThat(result.refusal()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(result.events(FreezeOverridden.class)).isEmpty();
    }

    @Test
    void aRollbackGoesThroughAFreeze_unlessTheWindowHoldsRollbacksToo() {
        world.givenRegistered("1.0.0");
        world.when(() -> deploy("k-1", "d-1", GROUP_OWNER, "sandbox", null));
        world.givenSucceeded("d-1");
        world.givenPriorSuccess(new DeploymentRecord("d-0", SERVICE, "sandbox", "0.9.0", null, "standard", 1, null,
                DeploymentState.SUCCEEDED, DeploymentKind.ROLL_FORWARD, "SUCCEEDED", "earlier", T0, T0, null, GROUP,
                null, null, List.of()));
        freeze(window("lenient", T0, T0.plusSeconds(3600), true));

        assertThat(world.when(() -> rollback("k-r1", "r-1", GROUP_OWNER, null)).kind()).isEqualTo(Kind.ACCEPTED);

        world.givenSucceeded("r-1");
        freeze(window("strict", T0, T0.plusSeconds(3600), false));
        Result held = world.when(() -> rollback("k-r2", "r-2", GROUP_OWNER, null));
        assertThat(held.refusal()).isEqualTo("FREEZE_WINDOW_ACTIVE");
        assertThat(held.events(DeploymentDenied.class)).singleElement()
                .satisfies(d -> assertThat(d.deploymentKind()).isEqualTo(DeploymentKind.ROLLBACK));
    }

    private void scopingOn() {
        world.given(GOVERNANCE_ID, new OwnerScopedChangesSet(null, true, null, T0));
    }

    private void freeze(FreezeWindow window) {
        world.given(GOVERNANCE_ID, new FreezeWindowDeclared(window));
    }

    static FreezeWindow window(String id, Instant from, Instant to, boolean allowRollbacks) {
        return new FreezeWindow(id, GROUP, "sandbox", "quarter end", from, to, null, allowRollbacks, T0, "admin");
    }

    private static DeliveryWorld ownedBy(DeliveryWorld world, Guardrails guardrails, String owner) {
        DeliveryGroup group = DeliveryWorld.group(guardrails, List.of("standard", "bare"));
        DeliveryGroup owned = new DeliveryGroup(group.id(), group.name(), null, owner, group.services(),
                group.allowedEnvironments(), group.allowedRecipes(), guardrails, T0, "admin", T0, "admin", null);
        world.given(CONFIGURATION_ID, new DeliveryGroupUpdated(group, owned));
        return world;
    }

    private AdmissionOutcome deploy(String key, String id, ActorIdentity actor, String environment, String override) {
        return world.deploys.handle(submit(key, id, actor, environment, override));
    }

    private static SubmitDeployment submit(String key, String id, ActorIdentity actor, String environment,
                                           String override) {
        return new SubmitDeployment(new IdempotencyKeyUse(key, "POST", "/v1/deployments"), "fp-1.0.0", id,
                new DeploymentIntent(SERVICE, environment, "1.0.0", "ship", null), actor, AT, override);
    }

    private AdmissionOutcome rollback(String key, String id, ActorIdentity actor, String override) {
        return world.rollbacks.handle(new RequestRollback(new IdempotencyKeyUse(key, "POST",
                "/v1/deployments/d-1/rollback"), id, "d-1", actor, AT.plusSeconds(60), override));
    }
}
