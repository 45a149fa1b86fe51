package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit screen (ui.md §5.7): entries, the replay export and the chain verification. Covers ui.md check 23. */
class UiAuditTest extends EmbeddedUiTest {
    private static final String TRAILER = "\\{\"next_after\":(\\d+),\"limit_reached\":(true|false)}";

    @Test
    @DisplayName("ui.md check 23: chain verification shows \"Chain intact\", checked and the head hash; an export file ends with the next_after trailer line")
    void chainIntactWithHeadHashAndAnExportEndingWithItsTrailer() throws IOException {
        toggleKillSwitch("UI audit test: a reason to find");
        Path downloads = browser.downloads();
        signIn("Platform admin", null);
        browser.open("/admin/audit");

        browser.click("verify-chain");
        browser.awaitText("chain-result", "Chain intact");
        JsonNode chain = get("/v1/admin/audit/verify", admin()).json();
        assertThat(browser.text("chain-checked")).isEqualTo(chain.path("checked").asText());
        assertThat(browser.text("chain-head-hash")).isEqualTo(chain.path("head").path("entry_hash").asText()).matches("[0-9a-f]{64}");

        browser.click("export-start");
        browser.awaitText("export-status", "Export complete");
        List<String> lines = Files.readAllLines(browser.awaitDownload(downloads, Set.of()));
        assertThat(lines.get(lines.size() - 1)).matches(TRAILER).endsWith("\"limit_reached\":false}");
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty()
                .allSatisfy(line -> assertThat(TestHttp.JSON.readTree(line).has("position")).isTrue());
        assertThat(browser.text("export-status")).contains((lines.size() - 1) + " events");

        // The entries: filters in the URL; a setting change expands to old → new with its reason.
        browser.select("audit-filter-type", "ADMIN_CONFIG_CHANGE");
        browser.waitFor(d -> browser.path().contains("event_type=ADMIN_CONFIG_CHANGE") ? Boolean.TRUE : null);
        browser.waitFor(d -> browser.allByTestId("audit-row").stream()
                .allMatch(row -> "ADMIN_CONFIG_CHANGE".equals(row.getAttribute("data-event-type"))) ? Boolean.TRUE : null);
        // The newest switch-on entry is this test's, and it carries the reason (switching off needs none).
        browser.clickButton("mutations_disabled: false → true");
        browser.awaitText("config-change-reason", "UI audit test: a reason to find");
        browser.screenshot("admin-audit-entries");
    }

    @Test
    @DisplayName("ui.md §5.7: an export cut short says where to resume and resumes there; one stopped by its limit continues from next_after")
    void anExportCutShortResumesAndALimitedOneContinues() throws IOException {
        toggleKillSwitch("UI audit test: enough events to cut");
        Path downloads = browser.downloads();
        Set<Path> seen = new HashSet<>();
        signIn("Platform admin", null);
        browser.open("/admin/audit");

        proxy().cutNextAnswerAfter("GET", "/v1/audit/replay", 1500);
        browser.click("export-start");
        String incomplete = browser.awaitText("export-incomplete", "Export incomplete; resume after position");
        Path first = browser.awaitDownload(downloads, seen);
        seen.add(first);
        long resumeAfter = lastPosition(Files.readAllLines(first));
        assertThat(incomplete).contains("resume after position " + resumeAfter);
        browser.screenshot("admin-audit-export-incomplete");
        browser.click("export-resume");
        browser.awaitText("export-status", "Export complete");
        Path second = browser.awaitDownload(downloads, seen);
        seen.add(second);
        List<String> rest = Files.readAllLines(second);
        assertThat(TestHttp.JSON.readTree(rest.get(0)).path("position").asLong()).isGreaterThan(resumeAfter);
        assertThat(rest.get(rest.size() - 1)).matches(TRAILER);
        assertThat(proxy().sent("GET", "/v1/audit/replay")).last().extracting(RecordingProxy.Exchange::path).asString()
                .contains("after=" + resumeAfter);

        browser.type("export-limit", "2");
        browser.type("export-after", "");
        browser.click("export-start");
        browser.awaitText("export-status", "Limit reached");
        Path limitedFile = browser.awaitDownload(downloads, seen);
        seen.add(limitedFile);
        List<String> limited = Files.readAllLines(limitedFile);
        assertThat(limited).hasSize(3);
        long nextAfter = TestHttp.JSON.readTree(limited.get(2)).path("next_after").asLong();
        assertThat(limited.get(2)).endsWith("\"limit_reached\":true}");
        int exports = proxy().sent("GET", "/v1/audit/replay").size();
        browser.click("export-continue");
        browser.waitFor(d -> proxy().sent("GET", "/v1/audit/replay").size() > exports ? Boolean.TRUE : null);
        assertThat(proxy().sent("GET", "/v1/audit/replay")).last().extracting(RecordingProxy.Exchange::path).asString()
                .contains("after=" + nextAfter);
        List<String> continued = Files.readAllLines(browser.awaitDownload(downloads, seen));
        assertThat(TestHttp.JSON.readTree(continued.get(0)).path("position").asLong()).isGreaterThan(nextAfter);
    }

    @Test
    @DisplayName("ui.md §5.7: a stored event changed behind DXCP's back turns the verification red, naming that entry (HASH_MISMATCH)")
    void aChangedEventIsNamedAsTheFirstMismatch() throws SQLException {
        toggleKillSwitch("UI audit test: the event to tamper with");
        long position;
        byte[] original;
        String eventId;
        try (Connection db = database(); PreparedStatement find = db.prepareStatement("SELECT globalindex, eventidentifier, payload "
                + "FROM domainevententry WHERE payloadtype LIKE '%MutationsDisabledChanged' ORDER BY globalindex DESC LIMIT 1");
             ResultSet row = find.executeQuery()) {
            assertThat(row.next()).isTrue();
            position = row.getLong(1);
            eventId = row.getString(2);
            original = row.getBytes(3);
        }
        await("the event linked into the chain", () -> get("/v1/admin/audit/verify", admin()).json().path("head").path("position").asLong() >= position);
        signIn("Platform admin", null);
        browser.open("/admin/audit");
        try {
            update(position, (new String(original, java.nio.charset.StandardCharsets.UTF_8) + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            browser.click("verify-chain");
            String mismatch = browser.awaitText("chain-mismatch", "HASH_MISMATCH");
            assertThat(mismatch).contains("position " + position).contains(eventId);
            assertThat(browser.byTestId("chain-result").getAttribute("data-verified")).isEqualTo("false");
            browser.screenshot("admin-audit-chain-broken");
        } finally {
            update(position, original);
        }
        browser.click("verify-chain");
        browser.awaitText("chain-result", "Chain intact");
    }

    private void toggleKillSwitch(String reason) {
        String admin = admin();
        assertThat(put("/v1/admin/system/mutations-disabled", admin, Map.of("mutations_disabled", true, "reason", reason)).status()).isEqualTo(200);
        assertThat(put("/v1/admin/system/mutations-disabled", admin, Map.of("mutations_disabled", false)).status()).isEqualTo(200);
    }

    /** The last complete event line's position; a line cut in the middle is no event. */
    private static long lastPosition(List<String> lines) {
        long last = -1;
        for (String line : lines) {
            try {
                JsonNode node = TestHttp.JSON.readTree(line);
                if (node.has("position")) {
                    last = node.path("position").asLong();
                }
            } catch (IOException cutLine) {
                // the end of a stream cut short
            }
        }
        return last;
    }

    private static void update(long position, byte[] payload) throws SQLException {
        try (Connection db = database(); PreparedStatement update = db.prepareStatement("UPDATE domainevententry SET payload = ? WHERE globalindex = ?")) {
            update.setBytes(1, payload);
            update.setLong(2, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
