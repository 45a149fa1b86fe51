package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentGovernanceQueries.ApprovalStatus;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.AutomaticRollbackStatus;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernance;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentQueries.TimelineEntry;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline names what change governance did to a record (docs/GOVERNANCE.md), in its place. */
class TimelineGovernanceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anApprovedDeployment_showsItsApprovalAfterValidation() {
        ApprovalStatus approval = new ApprovalStatus("p", 2, List.of("a@x.io", "b@x.io"), T0.plusSeconds(600),
                "APPROVED", List.of("a@x.io", "b@x.io"), T0.plusSeconds(60), null);

        List<TimelineEntry> entries = Timeline.of(record("d1", null, DeploymentState.SUCCEEDED),
                new DeploymentGovernance(approval, null));

        assertThat(entries).extracting(TimelineEntry::key)
                .containsExactly("submitted", "validated", "approved", "in_progress", "succeeded");
        assertThat(entries.get(2).detail()).isEqualTo("Approved by a@x.io, b@x.io.");
    }

    @Test
    void aFailedDeployment_endsWithItsAutomaticRollback_startedOrRefused() {
        AutomaticRollbackStatus started = new AutomaticRollbackStatus("STARTED", "d1", "r1", "p", List.of(), null,
                null, T0.plusSeconds(90));
        AutomaticRollbackStatus refused = new AutomaticRollbackStatus("REFUSED", "d1", null, "p", List.of(),
                "QUOTA_EXCEEDED", "spent", T0.plusSeconds(90));

        assertThat(Timeline.of(record("d1", null, DeploymentState.FAILED), new DeploymentGovernance(null, started)))
                .extracting(TimelineEntry::key).endsWith("failed", "automatic_rollback_started");
        assertThat(Timeline.of(record("d1", null, DeploymentState.FAILED), new DeploymentGovernance(null, refused)))
                .last().satisfies(e -> assertThat(e.detail()).isEqualTo("QUOTA_EXCEEDED: spent"));
    }

    @Test
    void anAutomaticRollback_namesItsCauseAfterValidation() {
        AutomaticRollbackStatus cause = new AutomaticRollbackStatus("AUTOMATIC", "d1", "r1", "p",
                List.of(FailureCategory.APP), null, null, T0.plusSeconds(90));

        List<TimelineEntry> entries = Timeline.of(record("r1", "d1", DeploymentState.SUCCEEDED),
                new DeploymentGovernance(null, cause));

        assertThat(entries).extracting(TimelineEntry::key).containsExactly("submitted", "validated",
                "automatic_rollback", "rollback_started", "rollback_succeeded");
        assertThat(entries.get(2).detail()).contains("d1 failed (APP)");
    }

    @Test
    void withoutGovernance_theTimelineIsTheRecordsAlone() {
        DeploymentRecord r = record("d1", null, DeploymentState.FAILED);
        assertThat(Timeline.of(r, DeploymentGovernance.NONE)).isEqualTo(Timeline.of(r));
    }

    private static DeploymentRecord record(String id, String rollbackOf, DeploymentState state) {
        return new DeploymentRecord(id, "svc", "sandbox", "1.0.0", null, "default", 1, null, state,
                rollbackOf == null ? DeploymentKind.ROLL_FORWARD : DeploymentKind.ROLLBACK, null, "change", T0,
                T0.plusSeconds(60), rollbackOf, "grp", null, null, List.of());
    }
}
