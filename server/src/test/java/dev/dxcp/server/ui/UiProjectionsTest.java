package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The projections screen (ui.md §5.7): rebuild progress, the 409 while one runs, a failed projection's event. Covers ui.md check 24. */
class UiProjectionsTest extends EmbeddedUiTest {

    @Test
    @DisplayName("ui.md check 24: a projection rebuild shows progress up to completed without reload; clicking Rebuild again meanwhile "
            + "shows \"already running\" and starts nothing")
    void rebuildProgressUpToCompletedAndASecondRebuildIsRefused() throws SQLException {
        signIn("Platform admin", null);
        browser.open("/admin/projections");
        browser.byTestId("projection-builds");
        browser.js("window.dxcpSamePage = 'not reloaded';");
        int requested = rebuildsRequested();
        int inactive = 3 - get("/v1/admin/projections/builds", admin()).json().path("activeGeneration").asInt();

        // A rebuild starts by clearing its table generation; holding a lock on that table keeps it running.
        try (Connection lock = database()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE rm_build_g" + inactive + " IN ACCESS SHARE MODE");
            }
            browser.click("rebuild-builds");
            browser.awaitText("confirm-dialog", "Reads continue from current data until the switch");
            browser.click("confirm-action");
            browser.waitFor(d -> "rebuilding".equals(rebuildStatus()) ? Boolean.TRUE : null);
            browser.byTestId("rebuild-progress");
            assertThat(browser.byTestId("projection-builds").getText()).contains("events/s").contains("at start");

            browser.click("rebuild-builds");
            browser.click("confirm-action");
            browser.awaitText("rebuild-refused", "A rebuild is already running");
            assertThat(browser.text("rebuild-refused")).contains("REBUILD_IN_PROGRESS");
            browser.screenshot("admin-projections-rebuilding");
            assertThat(proxy().sent("POST", "/v1/admin/projections/builds/rebuild")).extracting(RecordingProxy.Exchange::status)
                    .containsExactly(202, 409);
            assertThat(rebuildsRequested()).as("the second click started nothing").isEqualTo(requested + 1);
            lock.rollback();
        }

        browser.waitFor(d -> "completed".equals(rebuildStatus()) ? Boolean.TRUE : null);
        assertThat(browser.byTestId("projection-builds").getText()).contains("100%");
        assertThat(browser.js("return window.dxcpSamePage;")).isEqualTo("not reloaded");
        assertThat(get("/v1/admin/projections/builds", admin()).json().path("activeGeneration").asInt()).isEqualTo(inactive);
    }

    @Test
    @DisplayName("ui.md §5.7: a failed projection shows the event it stopped on and its error, and live again once the cause is gone")
    void aFailedProjectionNamesItsStoppingEventAndError() throws SQLException {
        String poison = newVersion();
        String table = "rm_build_g" + get("/v1/admin/projections/builds", admin()).json().path("activeGeneration").asInt();
        signIn("Platform admin", null);
        browser.open("/admin/projections");
        browser.byTestId("projection-builds");
        try (Connection db = database(); Statement statement = db.createStatement()) {
            statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT ui_poison CHECK (version <> '" + poison + "')");
            try {
                register("reports-api", poison);
                JsonNode failure = awaitFailure();
                browser.awaitText("projection-builds", "FAILED");
                String shown = browser.awaitText("projection-failure", failure.path("eventIdentifier").asText());
                assertThat(shown).contains("Stopped at event " + failure.path("globalIndex").asLong())
                        .contains("BuildRegistered").contains("ui_poison").contains("Retried automatically");
                browser.screenshot("admin-projection-failed");
            } finally {
                statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS ui_poison");
            }
        }
        await("the builds projection live again", () -> {
            JsonNode builds = get("/v1/admin/projections/builds", admin()).json();
            return builds.path("state").asText().equals("live") && builds.path("lag").asLong() == 0;
        });
        browser.clickButton("Refresh");
        browser.waitFor(d -> browser.byTestId("projection-builds").getText().contains("LIVE") ? Boolean.TRUE : null);
        assertThat(get("/v1/builds?service=reports-api&version=" + poison, admin()).status()).isEqualTo(200);
    }

    private String rebuildStatus() {
        return browser.allByTestId("projection-builds").stream().findFirst()
                .flatMap(row -> row.findElements(org.openqa.selenium.By.cssSelector("[data-testid='rebuild']")).stream().findFirst())
                .map(rebuild -> rebuild.getAttribute("data-status")).orElse(null);
    }

    private JsonNode awaitFailure() {
        JsonNode[] builds = new JsonNode[1];
        await("the builds projection to stop at the poison event", () -> {
            builds[0] = get("/v1/admin/projections/builds", admin()).json();
            return builds[0].path("state").asText().equals("failed");
        });
        return builds[0].path("failure");
    }

    private int rebuildsRequested() throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%ProjectionRebuildRequested'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
