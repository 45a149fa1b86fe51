package dev.dxcp.query.insights;

import dev.dxcp.events.insights.InsightsQueries.DoraMeasures;
import dev.dxcp.events.insights.InsightsQueries.FailureInsights;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The DORA and failure-insight rules on hand-made records (definitions in docs/INSIGHTS.md). */
class OpsDoraCalculatorTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-11T00:00:00Z");

    @Test
    void consecutiveFailuresAreOneIncidentClosedByTheNextGoodSuccess() {
        List<InsightRow> rows = List.of(
                row("a", "SUCCEEDED", null, null, at(1)),
                row("b", "FAILED", null, null, at(2)),
                row("c", "FAILED", null, null, at(3)),
                row("d", "SUCCEEDED", null, null, at(5)));
        DoraMeasures m = DoraCalculator.of(rows, START, END, 10);
        assertThat(m.incidents()).isEqualTo(1);
        assertThat(m.restoredIncidents()).isEqualTo(1);
        assertThat(m.timeToRestoreP50Seconds()).isEqualTo(3 * 3600.0);
        assertThat(m.failedChanges()).isEqualTo(2);
        assertThat(m.finishedChanges()).isEqualTo(4);
        assertThat(m.changeFailureRate()).isEqualTo(0.5);
        assertThat(m.successfulDeployments()).isEqualTo(2);
        assertThat(m.deploymentsPerDay()).isEqualTo(0.2);
    }

    @Test
    void canceledDeploymentsAndRollbacksAreNotChangesAndOtherScopesDoNotRestore() {
        List<InsightRow> rows = List.of(
                row("a", "CANCELED", null, null, at(1)),
                row("b", "FAILED", null, null, at(2)),
                new InsightRow("x", "other", "sandbox", "g", "default", "SUCCEEDED", null, null, at(2), at(3), null,
                        List.of()),
                row("r", "FAILED", "b", null, at(4)));
        DoraMeasures m = DoraCalculator.of(rows, START, END, 10);
        assertThat(m.finishedChanges()).isEqualTo(2);
        assertThat(m.failedChanges()).isEqualTo(1);
        assertThat(m.incidents()).isEqualTo(1);
        assertThat(m.restoredIncidents()).isZero();
        assertThat(m.timeToRestoreP50Seconds()).isNull();
    }

    @Test
    void anIncidentOpenedBeforeTheWindowIsNotCountedNorItsRestore() {
        List<InsightRow> rows = List.of(
                row("a", "FAILED", null, null, START.minusSeconds(3600)),
                row("b", "SUCCEEDED", null, null, at(1)));
        DoraMeasures m = DoraCalculator.of(rows, START, END, 10);
        assertThat(m.incidents()).isZero();
        assertThat(m.restoredIncidents()).isZero();
        assertThat(m.finishedChanges()).isEqualTo(1);
    }

    @Test
    void leadTimeRunsFromBuiltAtToSuccessWithMedianAndMean() {
        InsightRow one = new InsightRow("a", "svc", "sandbox", "g", "default", "SUCCEEDED", null, null, at(1), at(2),
                at(1), List.of());
        InsightRow two = new InsightRow("b", "svc", "sandbox", "g", "default", "SUCCEEDED", null, null, at(3), at(6),
                at(3), List.of());
        InsightRow three = new InsightRow("c", "svc", "sandbox", "g", "default", "SUCCEEDED", null, null, at(7),
                at(9), null, List.of());
        DoraMeasures m = DoraCalculator.of(List.of(one, two, three), START, END, 10);
        assertThat(m.leadTimeSamples()).isEqualTo(2);
        assertThat(m.leadTimeP50Seconds()).isEqualTo(2 * 3600.0);
        assertThat(m.leadTimeMeanSeconds()).isEqualTo(2 * 3600.0);
        assertThat(DoraCalculator.median(List.of(1.0, 5.0, 2.0))).isEqualTo(2.0);
    }

    @Test
    void failureInsightsNormalizeCategoriesAndBreakTiesByFirstSeen() {
        List<InsightRow> newestFirst = List.of(
                new InsightRow("c", "svc", "sandbox", null, null, "FAILED", null, null, at(3), at(3), null,
                        List.of("infra", "weird")),
                new InsightRow("b", "svc", "sandbox", "g", "canary", "SUCCEEDED", "a", null, at(2), at(2), null,
                        List.of()),
                new InsightRow("a", "svc", "sandbox", "g", "canary", "FAILED", null, null, at(1), at(1), null,
                        List.of("UNKNOWN", "Timeout")));
        FailureInsights insights = FailureInsightsCalculator.of(newestFirst);
        assertThat(insights.totalDeployments()).isEqualTo(2);
        assertThat(insights.totalRollbacks()).isEqualTo(1);
        assertThat(insights.rollbackRate()).isEqualTo(0.5);
        assertThat(insights.failuresByCategory()).extracting(k -> k.key() + "=" + k.count())
                .containsExactly("UNKNOWN=2", "INFRASTRUCTURE=1", "TIMEOUT=1");
        assertThat(insights.deploymentsByRecipe()).extracting(k -> k.key() + "=" + k.count())
                .containsExactly("canary=2", "unknown=1");
        assertThat(insights.deploymentsByGroup()).extracting(k -> k.key() + "=" + k.count())
                .containsExactly("g=2", "unknown=1");
        assertThat(FailureInsightsCalculator.of(List.of()).rollbackRate()).isEqualTo(0.0);
        assertThat(FailureInsightsCalculator.round4(2 / 3.0)).isEqualTo(0.6667);
    }

    private static InsightRow row(String id, String state, String rollbackOf, String rolledBackBy, Instant finished) {
        return new InsightRow(id, "svc", "sandbox", "g", "default", state, rollbackOf, rolledBackBy,
                finished.minusSeconds(60), finished, null, List.of());
    }

    private static Instant at(int hours) {
        return START.plusSeconds(hours * 3600L);
    }
}
