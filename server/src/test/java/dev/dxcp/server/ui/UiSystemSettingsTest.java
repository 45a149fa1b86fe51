package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * System settings (ui.md §5.7) beyond the kill switch and CI publishers, which the admin walkthrough covers
 * (ui.md §6 names no check for these; the kill switch's check 14 is in {@link UiKillSwitchTest}).
 */
class UiSystemSettingsTest extends EmbeddedUiTest {
    private static final String ENGINE = "/v1/admin/system/engine-adapters/main";
    private static final String EXPOSURE = "/v1/admin/system/ui-exposure-policy";

    @Test
    @DisplayName("ui.md §5.7: rate limits save only valid changes after a confirmation old → new; the UI exposure policy switches")
    void rateLimitsAndExposurePolicy() {
        signIn("Platform admin", null);
        browser.open("/admin/settings");
        browser.type("rate-read_rpm", "0");
        browser.awaitText("card-rate-limits", "Between 1 and 5000");
        assertThat(browser.enabled("rate-review")).isFalse();
        browser.type("rate-read_rpm", "4000");
        browser.click("rate-review");
        assertThat(browser.awaitText("review-change", "Reads per minute")).contains("5000").contains("4000");
        assertThat(browser.allByTestId("review-change")).hasSize(1);
        browser.click("review-save");
        await("the new read limit", () -> get("/v1/admin/system/rate-limits", admin()).json().path("read_rpm").asInt() == 4000);

        try {
            browser.clickInput("exposure-artifact");
            browser.click("exposure-review");
            browser.awaitText("review-change", "Show artifact references");
            browser.click("review-save");
            await("artifact references shown", () -> get(EXPOSURE, admin()).json().path("policy").path("artifactRef").path("display").asBoolean());
            browser.awaitText("card-ui-exposure", "persisted");
        } finally {
            put(EXPOSURE, admin(), Map.of("artifactRef", Map.of("display", false), "externalLinks", Map.of("display", false)));
        }
    }

    @Test
    @DisplayName("ui.md §5.7: the engine adapter's Check reports an unreachable Gate as a WARNING that Save needs acknowledged; "
            + "a secret is write-only: replaced, then shown only as configured")
    void engineAdapterCheckAndWriteOnlySecrets() {
        JsonNode before = get(ENGINE, admin()).json().path("config");
        String gateUrl = before.path("gate_url").asText();
        signIn("Platform admin", null);
        browser.open("/admin/settings");
        try {
            browser.click("engine-edit");
            browser.type("engine-gate_url", "http://127.0.0.1:9");
            browser.click("engine-check-button");
            browser.awaitText("engine-check", "WARNING");
            browser.awaitText("engine-check", "did not answer its health check");
            browser.screenshot("admin-engine-check");

            browser.type("engine-gate_url", gateUrl);
            browser.type("engine-header_name", "X-Dxcp-Ui-Test");
            browser.awaitText("engine-header_value-state", "not set");
            browser.click("engine-header_value-replace");
            browser.type("engine-header_value", "s3cret-header-value");
            browser.click("engine-review");
            browser.awaitText("review-changes", "Header value");
            browser.byTestId("review-preview");
            if ("WARNING".equals(browser.byTestId("review-preview").getAttribute("data-status"))) {
                assertThat(browser.enabled("review-save")).as("a WARNING needs the tick").isFalse();
                browser.click("review-ack");
            }
            browser.click("review-save");
            browser.awaitText("engine-secret-header_value", "configured");
            JsonNode after = get(ENGINE, admin()).json().path("config");
            assertThat(after.path("header_value_configured").asBoolean()).isTrue();
            assertThat(after.path("header_name").asText()).isEqualTo("X-Dxcp-Ui-Test");
            assertThat(after.toString()).doesNotContain("s3cret-header-value");
            assertThat(browser.driver().getPageSource()).doesNotContain("s3cret-header-value");
            assertThat(proxy().exchanges()).noneMatch(e -> e.responseBody() != null && e.responseBody().contains("s3cret-header-value"));
        } finally {
            Map<String, Object> restore = new HashMap<>();
            restore.put("mode", before.path("mode").asText());
            restore.put("gate_url", gateUrl);
            restore.put("header_name", null);
            restore.put("header_value", null);
            assertThat(put(ENGINE, admin(), restore).status()).isEqualTo(200);
        }
    }

}
