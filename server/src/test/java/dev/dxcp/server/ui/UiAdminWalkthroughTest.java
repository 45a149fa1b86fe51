package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when" for platform admins: everything an admin needs to run DXCP, done in the
 * browser in one go, and checked against the server's own answers.
 */
class UiAdminWalkthroughTest extends EmbeddedUiTest {
    private static final String PAUSED = "Changes are paused by a platform admin";

    @Test
    @DisplayName("A platform admin, without a terminal: kill switch on and off, a CI publisher added, a group's guardrails changed, "
            + "the last hour's audit exported, the chain verified, every projection rebuilt while its progress shows")
    void aPlatformAdminRunsDxcpFromTheBrowser() throws IOException {
        ownGroup("ui-walk", "Quotes", OWNER, Map.of("max_concurrent_deployments", 1, "daily_deploy_quota", 5,
                "daily_rollback_quota", 2), "quotes-api");
        Path downloads = browser.downloads();
        signIn("Platform admin", null);
        browser.clickButton("Admin");
        browser.awaitPath("/admin/overview");

        // 1. Kill switch on, with a reason; the banner follows the admin around; then off again.
        browser.click("admin-nav-settings");
        browser.awaitText("kill-switch-state", "off");
        browser.click("kill-switch-toggle");
        browser.awaitText("kill-switch-stops", "Deploys");
        browser.awaitText("kill-switch-continues", "Projection rebuilds");
        assertThat(browser.enabled("confirm-action")).as("no reason yet").isFalse();
        browser.type("kill-switch-reason", "Incident 4711: database failover");
        browser.click("confirm-action");
        browser.awaitText("kill-switch-banner", PAUSED);
        browser.awaitText("kill-switch-state", "on");
        assertThat(get("/v1/settings/public", admin()).json().path("mutations_disabled").asBoolean()).isTrue();
        browser.screenshot("admin-kill-switch-on");
        browser.click("admin-nav-groups");
        browser.awaitText("kill-switch-banner", PAUSED);
        browser.click("admin-nav-settings");
        browser.click("kill-switch-toggle");
        browser.click("confirm-action");
        browser.awaitText("kill-switch-state", "off");
        browser.waitFor(d -> browser.present("kill-switch-banner") ? null : Boolean.TRUE);
        assertThat(get("/v1/settings/public", admin()).json().path("mutations_disabled").asBoolean()).isFalse();

        // 2. A CI publisher added to the allowlist, reviewed, saved with a new Idempotency-Key.
        browser.click("publishers-edit");
        int before = countPublisherForms();
        browser.click("publisher-add");
        browser.waitFor(d -> countPublisherForms() == before + 1 ? Boolean.TRUE : null);
        int added = before;
        browser.type("publisher-name-" + added, "release-bot");
        browser.select("publisher-provider-" + added, "github");
        browser.type("publisher-issuers-" + added, "https://token.actions.githubusercontent.com" + Keys.ENTER);
        browser.type("publisher-subjects-" + added, "repo:acme/quotes:ref:refs/heads/main" + Keys.ENTER);
        browser.click("publishers-review");
        browser.awaitText("review-changes", "release-bot (added)");
        browser.click("review-save");
        browser.awaitText("publisher-release-bot", "repo:acme/quotes:ref:refs/heads/main");
        JsonNode saved = publisher("release-bot");
        assertThat(saved.path("provider").asText()).isEqualTo("github");
        assertThat(saved.path("issuers").get(0).asText()).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat(proxy().sent("PUT", "/v1/admin/system/ci-publishers")).hasSize(1)
                .allSatisfy(put -> assertThat(put.requestHeader("Idempotency-Key")).isNotBlank());
        browser.screenshot("admin-settings");

        // 3. A group's guardrails changed: reviewed against the server's preview, saved with a reason.
        browser.click("admin-nav-groups");
        browser.awaitText("group-guardrails-ui-walk", "1 · 5 · 2");
        browser.screenshot("admin-groups");
        browser.clickButton("Quotes");
        browser.click("group-edit");
        browser.type("group-field-daily_deploy_quota", "12");
        browser.click("group-review");
        browser.awaitText("review-changes", "Deploys a day");
        browser.waitFor(d -> browser.allByTestId("review-preview").isEmpty() ? null : Boolean.TRUE);
        browser.type("review-reason", "Launch week: more releases a day");
        browser.click("review-save");
        browser.awaitText("group-guardrails", "12 deploys a day");
        browser.awaitText("group-reason", "Launch week: more releases a day");
        JsonNode group = get("/v1/delivery-groups/ui-walk", admin()).json();
        assertThat(group.path("guardrails").path("daily_deploy_quota").asInt()).isEqualTo(12);
        assertThat(group.path("last_change_reason").asText()).isEqualTo("Launch week: more releases a day");
        browser.screenshot("admin-group");

        // 4. The audit of the last hour exported as NDJSON, ending with the trailer; 5. the chain verified.
        browser.click("admin-nav-audit");
        browser.byTestId("audit-table");
        browser.click("export-start");
        browser.awaitText("export-status", "Export complete");
        List<String> lines = Files.readAllLines(browser.awaitDownload(downloads, Set.of()));
        assertThat(lines.get(lines.size() - 1)).matches("\\{\"next_after\":\\d+,\"limit_reached\":false}");
        assertThat(String.join("\n", lines)).contains("\"event_type\":\"MutationsDisabledChanged\"")
                .contains("Incident 4711: database failover").contains("\"event_type\":\"CiPublishersReplaced\"")
                .contains("\"event_type\":\"DeliveryGroupUpdated\"");
        browser.click("verify-chain");
        browser.awaitText("chain-result", "Chain intact");
        JsonNode chain = get("/v1/admin/audit/verify", admin()).json();
        assertThat(chain.path("verified").asBoolean()).isTrue();
        assertThat(browser.text("chain-head-hash")).isEqualTo(chain.path("head").path("entry_hash").asText());
        browser.screenshot("admin-audit");

        // 6. Every projection rebuilt, its progress shown until completed, without a reload.
        browser.click("admin-nav-projections");
        browser.byTestId("projection-deployments");
        browser.js("window.dxcpSamePage = 'not reloaded';");
        Instant started = Instant.now();
        browser.click("rebuild-all");
        browser.awaitText("confirm-dialog", "the audit chain is not rewritten");
        browser.click("confirm-action");
        List<String> names = List.of("builds", "deployments", "audit");
        await("every rebuild to complete", () -> names.stream().allMatch(name -> completedSince(name, started)));
        for (String name : names) {
            browser.waitFor(d -> {
                var row = browser.byTestId("projection-" + name);
                return row.getText().contains("COMPLETED") && row.getText().contains("100%") ? Boolean.TRUE : null;
            });
        }
        assertThat(browser.js("return window.dxcpSamePage;")).isEqualTo("not reloaded");
        browser.screenshot("admin-projections");
    }

    private int countPublisherForms() {
        return (int) browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-testid^='publisher-form-']")).size();
    }

    private JsonNode publisher(String name) {
        for (JsonNode publisher : get("/v1/admin/system/ci-publishers", admin()).json().path("publishers")) {
            if (name.equals(publisher.path("name").asText())) {
                return publisher;
            }
        }
        throw new AssertionError("no CI publisher " + name);
    }

    private boolean completedSince(String name, Instant before) {
        JsonNode rebuild = get("/v1/admin/projections/" + name, admin()).json().path("rebuild");
        return "completed".equals(rebuild.path("status").asText())
                && Instant.parse(rebuild.path("startedAt").asText()).isAfter(before);
    }
}
