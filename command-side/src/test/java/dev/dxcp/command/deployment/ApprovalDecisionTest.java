package dev.dxcp.command.deployment;

import dev.dxcp.command.world.CommandWorld.Decision;
import dev.dxcp.command.world.CommandWorld.Result;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupUpdated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalOutcome;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.ApproveDeployment;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApproved;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.deployment.ApprovalMessages.ExpireApproval;
import dev.dxcp.events.deployment.ApprovalMessages.RejectDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentReleased;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.governance.ApprovalPolicy;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyDeclared;
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
 * Approvals without a server (docs/GOVERNANCE.md "Approvals"): a deploy under a policy is accepted as
 * PENDING_APPROVAL (its quota unit spent, its lane place held); distinct approvers other than the requester
 * approve it; a rejection or the time limit cancels it and frees its place; races between approvals and
 * with the expiry are decided by the deployment's own sequence.
 */
class ApprovalDecisionTest {
    static final ActorIdentity REQUESTER = person("req@example.com", "DELIVERY_OWNER");
    static final ActorIdentity ANN = person("ann@example.com", "DELIVERY_OWNER");
    static final ActorIdentity BOB = person("Bob@Example.com", "DELIVERY_OWNER");
    static final ActorIdentity MALLORY = person("mallory@example.com", "DELIVERY_OWNER");
    static final Instant AT = T0.plusSeconds(60);
    static final Instant LIMIT = AT.plusSeconds(30 * 60);

    private final DeliveryWorld world = new DeliveryWorld(new Guardrails(1, 5, 5));

    ApprovalDecisionTest() {
        DeliveryGroup group = DeliveryWorld.group(new Guardrails(1, 5, 5), List.of("standard", "bare"));
        world.given(CONFIGURATION_ID, new DeliveryGroupUpdated(group, new DeliveryGroup(GROUP, group.name(), null,
                "req@example.com, ann@example.com, bob@example.com", group.services(), group.allowedEnvironments(),
                group.allowedRecipes(), group.guardrails(), T0, "admin", T0, "admin", null)));
        world.givenRegistered("1.0.0").givenRegistered("1.1.0");
    }

    @Test
    void aDeployUnderAPolicy_isAcceptedWaitingForApproval_itsQuotaSpentOnce_approversTheGroupsOwners() {
        requireApprovals(2);

        Result result = world.when(() -> deploy("k-1", "d-1", "1.0.0"));

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(result.outcome().answer().deployment().state()).isEqualTo(DeploymentState.PENDING_APPROVAL);
        assertThat(result.events(LaneQuotaConsumed.class)).hasSize(1);
        assertThat(result.events(DeploymentAccepted.class)).hasSize(1);
        assertThat(result.events(ApprovalRequested.class)).singleElement().satisfies(requested -> {
            assertThat(requested.requirement().requiredApprovals()).isEqualTo(2);
            assertThat(requested.requirement().approvers())
                    .containsExactly("req@example.com", "ann@example.com", "bob@example.com");
            assertThat(requested.requirement().expiresAt()).isEqualTo(LIMIT);
        });
    }

    @Test
    void theRequesterAndPeopleThePolicyDoesNotName_mayNotApprove() {
        requireApprovals(1);
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));

        assertThat(approve("d-1", REQUESTER, AT.plusSeconds(1)).value().refusal().code())
                .isEqualTo("SELF_APPROVAL_FORBIDDEN");
        Decision<ApprovalOutcome> outsider = approve("d-1", MALLORY, AT.plusSeconds(1));
        assertThat(outsider.value().refusal().code()).isEqualTo("APPROVER_NOT_ALLOWED");
        assertThat(outsider.events()).isEmpty();
    }

    @Test
    void distinctApprovers_approveOnceEnoughHaveApproved_andTheSamePersonAgainChangesNothing() {
        requireApprovals(2);
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));

        Decision<ApprovalOutcome> first = approve("d-1", ANN, AT.plusSeconds(1));
        Decision<ApprovalOutcome> again = approve("d-1", person("ANN@example.com", "PLATFORM_ADMIN"),
                AT.plusSeconds(2));
        Decision<ApprovalOutcome> second = approve("d-1", BOB, AT.plusSeconds(3));

        assertThat(first.events()).singleElement().isInstanceOf(DeploymentApprovalGranted.class);
        assertThat(first.value().state()).isEqualTo(DeploymentState.PENDING_APPROVAL);
        assertThat(again.events()).as("the same person, whatever the case of the email").isEmpty();
        assertThat(again.value().refusal()).isNull();
        assertThat(second.events(DeploymentApprovalGranted.class)).hasSize(1);
        assertThat(second.events(DeploymentApproved.class)).hasSize(1);
        assertThat(second.value().state()).isEqualTo(DeploymentState.IN_PROGRESS);
    }

    @Test
    void aLateSecondApproval_afterTheFirstApprovedIt_isNotPending_andApprovesNothingTwice() {
        requireApprovals(1);
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));
        approve("d-1", ANN, AT.plusSeconds(1));

        Decision<ApprovalOutcome> late = approve("d-1", BOB, AT.plusSeconds(1));

        assertThat(late.value().refusal().code()).isEqualTo("APPROVAL_NOT_PENDING");
        assertThat(late.events()).isEmpty();
        assertThat(world.stream("d-1").stream().filter(DeploymentApproved.class::isInstance)).hasSize(1);
    }

    @Test
    void aRejection_cancelsTheDeployment_andFreesItsLanePlace_forTheNextDeploy() {
        requireApprovals(1);
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));
        assertThat(world.when(() -> deploy("k-2", "d-2", "1.1.0")).refusal())
                .as("waiting for approval holds the place").isEqualTo("CONCURRENCY_LIMIT_REACHED");

        Decision<ApprovalOutcome> rejected = world.deciding(() -> world.approvals.handle(new RejectDeployment("d-1",
                ANN, "not during the sale", AT.plusSeconds(5))));

        assertThat(rejected.events(DeploymentRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("not during the sale"));
        assertThat(rejected.events(DeploymentCanceled.class)).hasSize(1);
        assertThat(rejected.events(DeploymentReleased.class)).hasSize(1);
        assertThat(rejected.value().state()).isEqualTo(DeploymentState.CANCELED);
        assertThat(world.when(() -> deploy("k-3", "d-3", "1.1.0")).kind()).isEqualTo(Kind.ACCEPTED);
    }

    @Test
    void anApprovalAtTheTimeLimit_expiresTheDeployment_andTheExpiryCommitsWithTheRefusal() {
        requireApprovals(1);
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));

        Decision<ApprovalOutcome> tooLate = approve("d-1", ANN, LIMIT);

        assertThat(tooLate.value().refusal().code()).isEqualTo("APPROVAL_EXPIRED");
        assertThat(tooLate.events(DeploymentApprovalExpired.class)).hasSize(1);
        assertThat(tooLate.events(DeploymentCanceled.class)).hasSize(1);
        assertThat(tooLate.events(DeploymentReleased.class)).hasSize(1);
        assertThat(tooLate.events(DeploymentApprovalGranted.class)).isEmpty();
    }

    @Test
    void anApprovalJustBeforeTheLimit_winsOverTheExpiryThatArrivesAfterIt() {
        requireApprovals(1);
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));

        Decision<ApprovalOutcome> approved = approve("d-1", ANN, LIMIT.minusMillis(1));
        Decision<ApprovalOutcome> expiry = world.deciding(() -> world.approvals.handle(new ExpireApproval("d-1",
                LIMIT)));

        assertThat(approved.events(DeploymentApproved.class)).hasSize(1);
        assertThat(expiry.events()).isEmpty();
        assertThat(expiry.value().state()).isEqualTo(DeploymentState.IN_PROGRESS);
    }

    @Test
    void theExpiryBeforeTheLimitDoesNothing_andAtTheLimitCancels() {
        requireApprovals(1);
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));

        assertThat(world.deciding(() -> world.approvals.handle(new ExpireApproval("d-1", LIMIT.minusSeconds(1))))
                .events()).isEmpty();
        Decision<ApprovalOutcome> expired = world.deciding(() -> world.approvals.handle(new ExpireApproval("d-1",
                LIMIT)));
        assertThat(expired.events(DeploymentApprovalExpired.class)).hasSize(1);
        assertThat(expired.value().state()).isEqualTo(DeploymentState.CANCELED);
    }

    @Test
    void theLaneReaper_endsAnExpiredWait_soAStuckApprovalNeverBlocksTheLane() {
        requireApprovals(1);
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));

        Result next = world.when(() -> world.deploys.handle(new SubmitDeployment(new IdempotencyKeyUse("k-2", "POST",
                "/v1/deployments"), "fp-2", "d-2", new DeploymentIntent(SERVICE, "sandbox", "1.1.0", "ship", null),
                REQUESTER, LIMIT.plusSeconds(1))));

        assertThat(next.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(next.events(DeploymentApprovalExpired.class)).hasSize(1);
    }

    @Test
    void aDeploymentWithoutAPolicy_isNotPending() {
        world.when(() -> deploy("k-1", "d-1", "1.0.0"));

        assertThat(approve("d-1", ANN, AT.plusSeconds(1)).value().refusal().code())
                .isEqualTo("APPROVAL_NOT_PENDING");
        assertThat(world.deciding(() -> world.approvals.handle(new ApproveDeployment("d-404", ANN, null, AT)))
                .thrown().code()).isEqualTo("NOT_FOUND");
    }

    private void requireApprovals(int count) {
        world.given(GOVERNANCE_ID, new ApprovalPolicyDeclared(new ApprovalPolicy("prod-approvals", GROUP, "sandbox",
                count, List.of(), 30, T0, "admin")));
    }

    private Decision<ApprovalOutcome> approve(String id, ActorIdentity approver, Instant at) {
        return world.deciding(() -> world.approvals.handle(new ApproveDeployment(id, approver, "looks good", at)));
    }

    private dev.dxcp.events.idempotency.AdmissionOutcome deploy(String key, String id, String version) {
        return world.deploys.handle(new SubmitDeployment(new IdempotencyKeyUse(key, "POST", "/v1/deployments"),
                "fp-" + version, id, new DeploymentIntent(SERVICE, "sandbox", version, "ship", null), REQUESTER, AT));
    }

    private static ActorIdentity person(String email, String role) {
        return new ActorIdentity(email.toLowerCase(), role, email, email.toLowerCase(), null);
    }
}
