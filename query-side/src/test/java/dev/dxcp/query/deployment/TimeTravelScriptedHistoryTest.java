package dev.dxcp.query.deployment;

import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentQueries.RunningState;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.deployment.PolicySnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploy v1, deploy v2, roll v2 back, a failed deploy, a canceled deploy — one event a minute — and
 * what each moment in between looked like.
 */
class TimeTravelScriptedHistoryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final List<Object> HISTORY = List.of(
            accepted("d1", "1.0.0", null, 0), new EngineExecutionStarted("d1", "e1", "u1", at(1)),
            new DeploymentSucceeded("d1", at(2)),
            accepted("d2", "2.0.0", null, 3), new DeploymentSucceeded("d2", at(4)),
            accepted("d3", "1.0.0", "d2", 5), new DeploymentSucceeded("d3", at(6)),
            accepted("d4", "3.0.0", null, 7), new DeploymentFailed("d4", List.of(new FailureModel(
                    FailureCategory.APP, "failed", null, "retry", at(8))), at(8)),
            accepted("d5", "3.0.1", null, 9), new DeploymentCanceled("d5", at(10)));

    @Test
    void beforeTheFirstDeploymentNothingRan() {
        ScopeHistory then = asOf(at(0).minusNanos(1000));
        assertThat(then.running("svc", "sandbox")).isEmpty();
        assertThat(then.latest("svc", "sandbox")).isEmpty();
        assertThat(then.find("d1")).isEmpty();
    }

    @Test
    void v1RanAndWasTheSuccessUntilV2Succeeded() {
        ScopeHistory whileV2Deploying = asOf(at(3));
        assertThat(running(whileV2Deploying)).isEqualTo("d1");
        assertThat(outcome(whileV2Deploying, "d1")).isEqualTo("SUCCEEDED");
        assertThat(whileV2Deploying.find("d2").orElseThrow().state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(outcome(whileV2Deploying, "d2")).isNull();

        ScopeHistory afterV2 = asOf(at(4));
        assertThat(running(afterV2)).isEqualTo("d2");
        assertThat(outcome(afterV2, "d1")).isEqualTo("SUPERSEDED");
    }

    @Test
    void v2WasSucceededUntilItsRollbackSucceededAndRolledBackAfter() {
        assertThat(outcome(asOf(at(6).minusNanos(1000)), "d2")).isEqualTo("SUCCEEDED");
        ScopeHistory afterRollback = asOf(at(6));
        assertThat(outcome(afterRollback, "d2")).isEqualTo("ROLLED_BACK");
        assertThat(afterRollback.running("svc", "sandbox")).contains(
                new RunningState("svc", "sandbox", "1.0.0", "d3", DeploymentKind.ROLLBACK));
    }

    @Test
    void aFailureAndACancelBecomeLatestButNeverRunning() {
        ScopeHistory afterFailure = asOf(at(8));
        assertThat(afterFailure.latest("svc", "sandbox").orElseThrow().outcome()).isEqualTo("FAILED");
        assertThat(afterFailure.find("d4").orElseThrow().failures()).hasSize(1);
        ScopeHistory now = asOf(at(60));
        assertThat(now.latest("svc", "sandbox").map(DeploymentRecord::id)).contains("d5");
        assertThat(outcome(now, "d5")).isEqualTo("CANCELED");
        assertThat(running(now)).isEqualTo("d3");
        assertThat(now.records()).extracting(DeploymentRecord::outcome)
                .containsExactly("CANCELED", "FAILED", "SUCCEEDED", "ROLLED_BACK", "SUPERSEDED");
    }

    @Test
    void theEngineExecutionIsKnownOnlyFromTheMomentItStarted() {
        assertThat(asOf(at(0)).find("d1").orElseThrow().engineExecutionId()).isNull();
        DeploymentRecord started = asOf(at(1)).find("d1").orElseThrow();
        assertThat(started.engineExecutionId()).isEqualTo("e1");
        assertThat(started.updatedAt()).isEqualTo(at(1));
    }

    private static ScopeHistory asOf(Instant moment) {
        return DeploymentFold.of(RandomHistories.upTo(HISTORY, moment));
    }

    private static String running(ScopeHistory history) {
        return history.running("svc", "sandbox").map(RunningState::deploymentId).orElse(null);
    }

    private static String outcome(ScopeHistory history, String id) {
        return history.find(id).orElseThrow().outcome();
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private static DeploymentAccepted accepted(String id, String version, String rollbackOf, int minute) {
        return new DeploymentAccepted(id, new DeploymentAccepted.Placement("svc", "sandbox", "grp", "lane"),
                new DeploymentAccepted.Change(rollbackOf == null ? DeploymentKind.ROLL_FORWARD
                        : DeploymentKind.ROLLBACK, version, "change", null, rollbackOf, null),
                new DeploymentAccepted.RecipeUse("default", 1, "summary"), new DeploymentAccepted.Artifact(null, null,
                        null), new EngineTarget("app", "pipe"), new DeploymentAccepted.Submission(at(minute),
                        new ActorIdentity("a", "PLATFORM_ADMIN", null, "a", null), new IdempotencyKeyUse("key", "POST",
                        "/v1/deployments")), new PolicySnapshot(1, 0, 25, 1, 24, 50));
    }
}
