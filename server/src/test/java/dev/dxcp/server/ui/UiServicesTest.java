package dev.dxcp.server.ui;

import dev.dxcp.gatesim.control.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service list (ui.md §5.1) and the service page (§5.2). */
class UiServicesTest extends EmbeddedUiTest {

    @Test
    @DisplayName("ui.md check 7: per environment, the service list shows the version of the newest SUCCEEDED deployment and updates on refresh")
    void serviceListShowsNewestSucceededVersionAndUpdatesOnRefresh() {
        String first = newVersion();
        String second = newVersion();
        String failing = newVersion();
        register("catalog-api", first);
        register("catalog-api", second);
        register("catalog-api", failing);
        deployed("catalog-api", first, owner(OWNER));

        signIn("Delivery owner", null);
        browser.awaitText("running-catalog-api-sandbox", first);

        deployed("catalog-api", second, owner(OWNER));
        gate().outcomes().forParameter("version", failing, Outcome.controllerError("artifact_bucket_mismatch"));
        assertThat(deployed("catalog-api", failing, owner(OWNER)).path("state").asText()).isEqualTo("FAILED");
        assertThat(browser.text("running-catalog-api-sandbox")).isEqualTo(first);

        browser.click("refresh");
        browser.awaitText("running-catalog-api-sandbox", second);
        assertThat(browser.text("flag-catalog-api-sandbox")).as("the failed newest record is flagged beside it").isEqualTo(failing);
        browser.screenshot("services-list");
    }

    @Test
    @DisplayName("ui.md check 6: a DELIVERY_OWNER not listed in the group's owners sees Deploy disabled, the message naming the group")
    void ownerOutsideTheGroupSeesDeployDisabledNamingTheGroup() {
        signIn("Delivery owner", "stranger@dxcp.local");
        browser.open("/services/demo-service");
        browser.awaitText("deploy-disabled-reason", "You are not an owner of delivery group Default Delivery Group; "
                + "a platform admin can add stranger@dxcp.local to its owners");
        assertThat(browser.enabled("service-deploy")).isFalse();
        browser.screenshot("service-page-not-owner");
    }

    @Test
    @DisplayName("ui.md §5.2: the service page shows running and latest per environment and a version's build provenance")
    void servicePageShowsRunningLatestAndBuildProvenance() {
        signIn("Delivery owner", null);
        browser.open("/services/demo-service");
        browser.awaitText("running-version", ".");
        browser.byTestId("latest-version");
        browser.awaitText("env-policy", "deploys left today");
        browser.click("version-1.0.0");
        String provenance = browser.awaitText("build-provenance", "ci_publisher");
        assertThat(provenance).contains("3f1c9a2e7b5d4c8a9e0f1b2c3d4e5f6a7b8c9d0e").contains("dxcp-demo-data").contains("github");
        browser.screenshot("service-page");
    }
}
