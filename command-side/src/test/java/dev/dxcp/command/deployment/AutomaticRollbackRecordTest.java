package dev.dxcp.command.deployment;

import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackRefused;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackStarted;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.RecordAutomaticRollback;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.FailureCategory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dxcp.command.deployment.DeploymentTest.ACCEPTED;
import static dev.dxcp.command.deployment.DeploymentTest.FAILURE;
import static dev.dxcp.command.deployment.DeploymentTest.T0;

/**
 * What came of a failed deployment's automatic rollback is recorded on it exactly once (docs/GOVERNANCE.md
 * "Automatic rollback"): a second decision — a redelivered failure, a replay, another instance — records
 * nothing; a rollback and a deployment that did not fail have none.
 */
class AutomaticRollbackRecordTest {
    private static final EngineExecutionStarted STARTED = new EngineExecutionStarted("d1", "01ABC", null, T0);
    private static final DeploymentFailed FAILED = new DeploymentFailed("d1", List.of(FAILURE), T0.plusSeconds(9));
    private static final java.time.Instant AT = T0.plusSeconds(10);

    private AggregateTestFixture<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deployment.class);
    }

    @Test
    void aStartedAutomaticRollback_isRecordedOnTheFailedDeployment_withItsFailureCategoriesAsCause() {
        fixture.given(ACCEPTED, STARTED, FAILED)
                .when(new RecordAutomaticRollback("d1", "payments-auto", "r1", null, null, AT))
                .expectEvents(new AutomaticRollbackStarted("d1", "r1", "payments-auto", "demo-service", "sandbox",
                        "default", List.of(FailureCategory.APP), AT))
                .expectResultMessagePayload(true);
    }

    @Test
    void aRefusedAutomaticRollback_isRecordedWithItsCode() {
        fixture.given(ACCEPTED, STARTED, FAILED)
                .when(new RecordAutomaticRollback("d1", "payments-auto", null, "QUOTA_EXCEEDED", "spent", AT))
                .expectEvents(new AutomaticRollbackRefused("d1", "payments-auto", "demo-service", "sandbox",
                        "default", "QUOTA_EXCEEDED", "spent", AT))
                .expectResultMessagePayload(true);
    }

    @Test
    void aSecondDecision_recordsNothing() {
        fixture.given(ACCEPTED, STARTED, FAILED, new AutomaticRollbackStarted("d1", "r1", "payments-auto",
                        "demo-service", "sandbox", "default", List.of(FailureCategory.APP), AT))
                .when(new RecordAutomaticRollback("d1", "payments-auto", "r1", null, null, AT.plusSeconds(1)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aRefusalIsNotFollowedByALaterAttempt() {
        fixture.given(ACCEPTED, STARTED, FAILED, new AutomaticRollbackRefused("d1", "payments-auto",
                        "demo-service", "sandbox", "default", "QUOTA_EXCEEDED", "spent", AT))
                .when(new RecordAutomaticRollback("d1", "payments-auto", "r1", null, null, AT.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aDeploymentThatDidNotFail_hasNoAutomaticRollback() {
        fixture.given(ACCEPTED, STARTED, new DeploymentSucceeded("d1", T0.plusSeconds(9)))
                .when(new RecordAutomaticRollback("d1", "payments-auto", "r1", null, null, AT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aFailedRollback_isNeverRolledBack() {
        DeploymentAccepted rollback = new DeploymentAccepted("d1", ACCEPTED.placement(),
                new DeploymentAccepted.Change(DeploymentKind.ROLLBACK, "1.2.2", "rollback of d0 to 1.2.2", null,
                        "d0", "1.2.2"), ACCEPTED.recipe(), ACCEPTED.artifact(), ACCEPTED.engine(),
                ACCEPTED.submission(), ACCEPTED.policy());
        fixture.given(rollback, STARTED, FAILED)
                .when(new RecordAutomaticRollback("d1", "payments-auto", "r1", null, null, AT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
