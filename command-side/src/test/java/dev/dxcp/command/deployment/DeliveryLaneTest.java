package dev.dxcp.command.deployment;

import dev.dxcp.events.deployment.DeploymentCommands.AdmitDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.InspectLane;
import dev.dxcp.events.deployment.DeploymentCommands.LaneDecision;
import dev.dxcp.events.deployment.DeploymentCommands.LaneSnapshot;
import dev.dxcp.events.deployment.DeploymentCommands.ReleaseDeployment;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAdmitted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentReleased;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

class DeliveryLaneTest {
    static final String LANE = "lane/default/sandbox";
    static final LocalDate DAY = LocalDate.parse("2026-03-01");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private AggregateTestFixture<DeliveryLane> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeliveryLane.class);
    }

    private static AdmitDeployment admit(String id, DeploymentKind kind, int max, int quota, int inFlight) {
        return new AdmitDeployment(LANE, id, kind, DAY, max, quota, inFlight, true, T0);
    }

    @Test
    void aFreeLaneAdmitsAndConsumesOneQuotaUnit() {
        fixture.givenNoPriorActivity()
                .when(admit("d1", DeploymentKind.ROLL_FORWARD, 1, 25, 0))
                .expectEvents(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, DAY, 1),
                        new DeploymentAdmitted(LANE, "d1", T0))
                .expectResultMessagePayload(new LaneDecision(LaneDecision.Kind.ADMITTED, 0, 0));
    }

    @Test
    void secondDeployInSameGroupIsRejectedWithConcurrencyLimitReachedButStillUsesQuota() {
        fixture.given(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, DAY, 1),
                        new DeploymentAdmitted(LANE, "d1", T0))
                .when(admit("d2", DeploymentKind.ROLL_FORWARD, 1, 25, 1))
                .expectEvents(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, DAY, 2))
                .expectResultMessagePayload(new LaneDecision(LaneDecision.Kind.CONCURRENCY_LIMIT_REACHED, 1, 1));
    }

    @Test
    void exhaustedDailyQuotaRefusesBeforeConcurrencyAndConsumesNothing() {
        fixture.given(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, DAY, 2))
                .when(admit("d3", DeploymentKind.ROLL_FORWARD, 5, 2, 0))
                .expectNoEvents()
                .expectResultMessagePayload(new LaneDecision(LaneDecision.Kind.QUOTA_EXCEEDED, 2, 0));
    }

    @Test
    void rollbacksCountAgainstTheirOwnQuota() {
        fixture.given(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, DAY, 25))
                .when(admit("r1", DeploymentKind.ROLLBACK, 1, 10, 0))
                .expectEvents(new LaneQuotaConsumed(LANE, DeploymentKind.ROLLBACK, DAY, 1),
                        new DeploymentAdmitted(LANE, "r1", T0));
    }

    @Test
    void aNewUtcDayStartsWithFullQuota() {
        LocalDate tomorrow = DAY.plusDays(1);
        fixture.given(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, DAY, 25))
                .when(new AdmitDeployment(LANE, "d9", DeploymentKind.ROLL_FORWARD, tomorrow, 1, 25, 0, true, T0))
                .expectEvents(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, tomorrow, 1),
                        new DeploymentAdmitted(LANE, "d9", T0));
    }

    @Test
    void aRequestFailingALaterCheckUsesQuotaButTakesNoPlace() {
        fixture.givenNoPriorActivity()
                .when(new AdmitDeployment(LANE, "r1", DeploymentKind.ROLLBACK, DAY, 1, 10, 0, false, T0))
                .expectEvents(new LaneQuotaConsumed(LANE, DeploymentKind.ROLLBACK, DAY, 1));
    }

    @Test
    void releaseGivesThePlaceBackOnceAndInspectionShowsMembersAndUse() {
        fixture.given(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, DAY, 1),
                        new DeploymentAdmitted(LANE, "d1", T0), new DeploymentReleased(LANE, "d1", T0))
                .when(new ReleaseDeployment(LANE, "d1", T0))
                .expectNoEvents();
        fixture.given(new LaneQuotaConsumed(LANE, DeploymentKind.ROLL_FORWARD, DAY, 1),
                        new DeploymentAdmitted(LANE, "d1", T0))
                .when(new InspectLane(LANE, DAY))
                .expectResultMessagePayload(new LaneSnapshot(List.of("d1"), 1, 0));
    }
}
