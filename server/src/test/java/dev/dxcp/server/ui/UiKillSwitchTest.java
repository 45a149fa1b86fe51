package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mutation kill switch as the UI shows it (ui.md §4.4). */
class UiKillSwitchTest extends EmbeddedUiTest {
    private static final String PAUSED = "Changes are paused by a platform admin";

    @Test
    @DisplayName("ui.md check 14: kill switch on: banner on every page, Deploy/Rollback disabled with that reason, lists still load")
    void killSwitchShowsABannerEverywhereDisablesDeployAndRollbackAndListsLoad() {
        JsonNode currentRelease = twoReleases("identity-api").get(1);
        String current = currentRelease.path("version").asText();
        String currentId = currentRelease.path("id").asText();
        signIn("Delivery owner", null);

        assertThat(put("/v1/admin/system/mutations-disabled", admin(), Map.of("mutations_disabled", true,
                "reason", "UI kill switch test")).status()).isEqualTo(200);
        try {
            browser.open("/services");
            browser.awaitText("kill-switch-banner", PAUSED);
            browser.awaitText("running-identity-api-sandbox", current);
            browser.screenshot("kill-switch");

            browser.open("/services/identity-api");
            browser.awaitText("kill-switch-banner", PAUSED);
            assertThat(browser.awaitText("deploy-disabled-reason", PAUSED)).isEqualTo(PAUSED);
            assertThat(browser.enabled("service-deploy")).isFalse();

            browser.open("/deployments/" + currentId);
            browser.awaitText("kill-switch-banner", PAUSED);
            assertThat(browser.awaitText("rollback-disabled-reason", PAUSED)).isEqualTo(PAUSED);
            assertThat(browser.enabled("rollback-button")).isFalse();

            browser.open("/deploy?service=identity-api&environment=sandbox&version=" + current);
            browser.awaitText("kill-switch-banner", PAUSED);
            browser.awaitText("deploy-paused", PAUSED);
            browser.awaitText("policy-quota", "Deployments left today");
            assertThat(browser.enabled("check-deployment")).isFalse();
            assertThat(browser.enabled("deploy-submit")).isFalse();

            browser.open("/deployments?service=identity-api");
            browser.awaitText("kill-switch-banner", PAUSED);
            browser.awaitText("result-count", "2 deployments");

            browser.open("/insights");
            browser.awaitText("kill-switch-banner", PAUSED);
            browser.byTestId("dora-frequency");
        } finally {
            put("/v1/admin/system/mutations-disabled", admin(), Map.of("mutations_disabled", false));
        }
    }

    @Test
    @DisplayName("ui.md check 14 (admin saves): kill switch on: admin Save disabled with that reason; previews, lists and the switch itself keep working")
    void killSwitchDisablesAdminSavesButNotPreviewsListsOrTheSwitch() {
        signIn("Platform admin", null);
        assertThat(put("/v1/admin/system/mutations-disabled", admin(), Map.of("mutations_disabled", true,
                "reason", "UI kill switch test (admin)")).status()).isEqualTo(200);
        try {
            browser.open("/admin/groups/default");
            browser.awaitText("kill-switch-banner", PAUSED);
            browser.click("group-edit");
            browser.type("group-field-daily_rollback_quota", "9");
            browser.click("group-review");
            browser.awaitText("review-changes", "Rollbacks a day");
            browser.byTestId("review-preview");
            browser.type("review-reason", "not saved while paused");
            assertThat(browser.awaitText("save-paused", PAUSED)).isEqualTo(PAUSED);
            assertThat(browser.enabled("review-save")).isFalse();
            browser.screenshot("admin-save-paused");

            browser.open("/admin/settings");
            browser.awaitText("kill-switch-banner", PAUSED);
            browser.type("rate-read_rpm", "4000");
            browser.click("rate-review");
            assertThat(browser.awaitText("save-paused", PAUSED)).isEqualTo(PAUSED);
            assertThat(browser.enabled("review-save")).isFalse();
            browser.click("review-cancel");

            // The switch itself is never paused: turning it off from the same page works.
            browser.awaitText("kill-switch-state", "on");
            browser.click("kill-switch-toggle");
            browser.click("confirm-action");
            browser.waitFor(d -> browser.present("kill-switch-banner") ? null : Boolean.TRUE);
            assertThat(get("/v1/settings/public", admin()).json().path("mutations_disabled").asBoolean()).isFalse();
            assertThat(proxy().sent("PUT", "/v1/delivery-groups")).isEmpty();
            assertThat(proxy().sent("PUT", "/v1/admin/system/rate-limits")).isEmpty();
        } finally {
            put("/v1/admin/system/mutations-disabled", admin(), Map.of("mutations_disabled", false));
        }
    }
}
