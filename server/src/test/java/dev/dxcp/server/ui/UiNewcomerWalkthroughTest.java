package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's path for a newcomer, in the browser only: open the server, sign in as the development
 * owner, deploy demo-service 1.1.0 (registered by the embedded demo data) to sandbox, watch it
 * succeed, roll it back. Its screenshots are the README's.
 */
class UiNewcomerWalkthroughTest extends EmbeddedUiTest {

    @Test
    @DisplayName("README newcomer path: sign in as owner, deploy demo-service 1.1.0 to sandbox, watch SUCCEEDED, roll back")
    void aNewcomerDeploysDemoService110WatchesItSucceedAndRollsItBackWithoutATerminal() {
        browser.open("/");
        browser.awaitPath("/signin");
        browser.byTestId("embedded-strip");
        browser.screenshot("01-sign-in");

        browser.clickButton("Delivery owner");
        browser.awaitPath("/services");
        browser.awaitText("running-demo-service-sandbox", "1.0.0");
        browser.screenshot("02-services");

        browser.clickButton("demo-service");
        browser.awaitPath("/services/demo-service");
        browser.awaitText("running-version", "1.0.0");
        browser.byTestId("version-1.1.0");
        browser.screenshot("03-service-page");

        browser.click("service-deploy");
        browser.awaitPath("/deploy");
        browser.select("deploy-environment", "sandbox");
        browser.type("deploy-version", "1.1.0");
        browser.type("deploy-summary", "Ship 1.1.0 to sandbox");
        browser.awaitText("policy-quota", "Deployments left today");
        browser.click("check-deployment");
        browser.byTestId("check-result");
        browser.screenshot("04-deploy-checked");
        browser.click("deploy-submit");

        browser.awaitPath("/deployments/");
        String deploymentId = browser.path().substring("/deployments/".length());
        browser.awaitText("state-badge", "SUCCEEDED");
        browser.byTestId("timeline-succeeded");
        browser.screenshot("05-deployment-succeeded");

        browser.click("rollback-button");
        browser.awaitText("rollback-summary", "Roll back demo-service in sandbox from 1.1.0 to 1.0.0");
        browser.screenshot("06-rollback-confirmation");
        browser.click("rollback-confirm");

        browser.waitFor(d -> browser.path().startsWith("/deployments/") && !browser.path().endsWith(deploymentId) ? Boolean.TRUE : null);
        browser.awaitText("deployment-kind", "rollback");
        browser.awaitText("state-badge", "SUCCEEDED");
        browser.awaitText("rollback-of", deploymentId);
        browser.screenshot("07-rollback-succeeded");

        JsonNode running = get("/v1/services/demo-service/running?environment=sandbox", admin()).json();
        assertThat(running.path("version").asText()).isEqualTo("1.0.0");
        assertThat(running.path("deploymentKind").asText()).isEqualTo("ROLLBACK");
    }
}
