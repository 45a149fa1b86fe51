package dev.dxcp.command.deployment;

import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentCommands.AcceptDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.ObserveDeploymentState;
import dev.dxcp.events.deployment.DeploymentCommands.ReapIfStale;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineExecution;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.deployment.PolicySnapshot;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class DeploymentTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final DeploymentAccepted ACCEPTED = new DeploymentAccepted("d1",
            new DeploymentAccepted.Placement("demo-service", "sandbox", "default", "lane/default/sandbox"),
            new DeploymentAccepted.Change(DeploymentKind.ROLL_FORWARD, "1.2.3", "ship it", null, null, null),
            new DeploymentAccepted.RecipeUse("default", 1, "Standard"),
            new DeploymentAccepted.Artifact("s3://b/demo-service/demo-service-1.2.3.zip", "a".repeat(64), 100L),
            new EngineTarget("dxcp-demo", "deploy-demo-service"),
            new DeploymentAccepted.Submission(T0, new ActorIdentity("alice", "DELIVERY_OWNER", "a@x.io", "alice", null),
                    new IdempotencyKeyUse("key-1", "POST", "/v1/deployments")),
            new PolicySnapshot(1, 0, 25, 0, 25, 50));
    static final FailureModel FAILURE = new FailureModel(FailureCategory.APP, "failed", null, "retry", T0);

    private AggregateTestFixture<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deployment.class);
    }

    @Test
    void anAcceptedIntentBecomesARecordInProgress() {
        fixture.givenNoPriorActivity().when(new AcceptDeployment("d1", ACCEPTED)).expectEvents(ACCEPTED);
    }

    @Test
    void theEngineExecutionIsRecordedOnce() {
        fixture.given(ACCEPTED, new EngineExecutionStarted("d1", "01ABC", "http://gate/pipelines/01ABC", T0))
                .when(new RecordEngineExecution("d1", "01XYZ", "http://gate/pipelines/01XYZ", T0))
                .expectNoEvents();
    }

    @Test
    void nonTerminalObservationsProgressTheRecord() {
        fixture.given(ACCEPTED)
                .when(new ObserveDeploymentState("d1", DeploymentState.PENDING, null, T0.plusSeconds(5)))
                .expectEvents(new DeploymentProgressed("d1", DeploymentState.PENDING, T0.plusSeconds(5)))
                .expectResultMessagePayload(false);
    }

    @Test
    void aTerminalObservationEndsTheRecordWithItsFailures() {
        fixture.given(ACCEPTED)
                .when(new ObserveDeploymentState("d1", DeploymentState.FAILED, List.of(FAILURE), T0.plusSeconds(9)))
                .expectEvents(new DeploymentFailed("d1", List.of(FAILURE), T0.plusSeconds(9)))
                .expectResultMessagePayload(true);
    }

    @Test
    void aTerminalStateNeverChangesAgain() {
        fixture.given(ACCEPTED, new DeploymentSucceeded("d1", T0.plusSeconds(9)))
                .when(new ObserveDeploymentState("d1", DeploymentState.CANCELED, null, T0.plusSeconds(20)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(ACCEPTED, new DeploymentCanceled("d1", T0.plusSeconds(9)))
                .when(new ObserveDeploymentState("d1", DeploymentState.IN_PROGRESS, null, T0.plusSeconds(20)))
                .expectNoEvents();
    }

    @Test
    void aDeploymentInProgressWithoutProgressSinceTheStaleLimitIsReapedWithAnInfrastructureFailure() {
        FailureModel stale = LaneGate.staleLockFailure(T0.plusSeconds(1000));
        fixture.given(ACCEPTED)
                .when(new ReapIfStale("d1", T0.plusSeconds(100), stale, T0.plusSeconds(1000)))
                .expectEvents(new DeploymentFailed("d1", List.of(stale), T0.plusSeconds(1000)))
                .expectResultMessagePayload(true);
    }

    @Test
    void recentProgressAndActiveDeploymentsAreNeverReaped() {
        FailureModel stale = LaneGate.staleLockFailure(T0);
        fixture.given(ACCEPTED, new DeploymentProgressed("d1", DeploymentState.IN_PROGRESS, T0.plusSeconds(500)))
                .when(new ReapIfStale("d1", T0.plusSeconds(100), stale, T0.plusSeconds(1000)))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(ACCEPTED, new DeploymentProgressed("d1", DeploymentState.ACTIVE, T0.plusSeconds(1)))
                .when(new ReapIfStale("d1", T0.plusSeconds(100), stale, T0.plusSeconds(1000)))
                .expectNoEvents().expectResultMessagePayload(false);
    }
}
