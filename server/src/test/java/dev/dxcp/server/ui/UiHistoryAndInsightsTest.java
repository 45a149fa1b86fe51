package dev.dxcp.server.ui;

import dev.dxcp.gatesim.control.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Deployment history (ui.md §5.4) and insights (§5.6). */
class UiHistoryAndInsightsTest extends EmbeddedUiTest {

    @Test
    @DisplayName("ui.md check 19: history filters (service, state, kind) live in the URL; a reload shows the same rows")
    void historyFiltersLiveInTheUrlAndSurviveAReload() {
        String first = newVersion();
        String second = newVersion();
        String broken = newVersion();
        register("payments-api", first);
        register("payments-api", second);
        register("payments-api", broken);
        deployed("payments-api", first, owner(OWNER));
        String secondId = deployed("payments-api", second, owner(OWNER)).path("id").asText();
        String rollbackId = post("/v1/deployments/" + secondId + "/rollback", owner(OWNER), null,
                "Idempotency-Key", UUID.randomUUID().toString()).json().path("id").asText();
        awaitTerminal(rollbackId);
        gate().outcomes().forParameter("version", broken, Outcome.controllerError("artifact_bucket_mismatch"));
        deployed("payments-api", broken, owner(OWNER));

        signIn("Delivery owner", null);
        browser.open("/deployments");
        browser.byTestId("history-table");
        browser.select("filter-service", "payments-api");
        browser.awaitText("result-count", "4 deployments");
        browser.select("filter-state", "SUCCEEDED");
        browser.awaitText("result-count", "3 deployments");
        browser.select("filter-kind", "ROLLBACK");
        browser.awaitText("result-count", "1 deployment");
        assertThat(browser.path()).isEqualTo("/deployments?service=payments-api&state=SUCCEEDED&kind=ROLLBACK");
        List<String> rows = rowIds();
        assertThat(rows).containsExactly(rollbackId);
        browser.screenshot("history-filtered");

        browser.driver().navigate().refresh();
        browser.awaitText("result-count", "1 deployment");
        assertThat(browser.path()).isEqualTo("/deployments?service=payments-api&state=SUCCEEDED&kind=ROLLBACK");
        assertThat(rowIds()).isEqualTo(rows);
        assertThat(browser.text("filter-chips")).contains("Service: payments-api").contains("State: SUCCEEDED").contains("Kind: ROLLBACK");

        browser.open("/deployments?service=payments-api");
        browser.awaitText("result-count", "4 deployments");
        browser.screenshot("history");
    }

    private List<String> rowIds() {
        return browser.allByTestId("history-row").stream().map(row -> row.getAttribute("data-id")).toList();
    }

    @Test
    @DisplayName("ui.md check 21: a 90-day Insights window updates the DORA tiles and labels the failure panels \"last 30 days\"")
    void ninetyDayWindowUpdatesDoraTilesAndCapsTheFailurePanelsAtThirtyDays() {
        String version = newVersion();
        register("media-upload", version);
        deployed("media-upload", version, owner(OWNER));

        signIn("Delivery owner", null);
        browser.open("/insights");
        String thirtyDays = browser.awaitText("dora-frequency-value", "/ day");
        assertThat(browser.text("failures-title")).isEqualTo("Failures and rollbacks, last 30 days");
        assertThat(browser.present("failure-window-note")).isFalse();

        proxy().clear();
        browser.select("insights-window", "90");
        browser.awaitText("failure-window-note", "Failure panels show the last 30 days.");
        browser.waitFor(d -> browser.text("dora-frequency-value").equals(thirtyDays) ? null : Boolean.TRUE);
        assertThat(browser.path()).isEqualTo("/insights?window=90");
        assertThat(browser.text("failures-title")).isEqualTo("Failures and rollbacks, last 30 days");
        assertThat(proxy().sent("GET", "/v1/insights/dora")).extracting(RecordingProxy.Exchange::path)
                .anyMatch(path -> path.contains("windowDays=90"));
        assertThat(proxy().sent("GET", "/v1/insights/failures")).extracting(RecordingProxy.Exchange::path)
                .allMatch(path -> path.contains("windowDays=30"));
        browser.screenshot("insights-90-days");

        browser.select("insights-groupby", "service");
        browser.byTestId("dora-breakdown");
        browser.screenshot("insights-by-service");
    }
}
