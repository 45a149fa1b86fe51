package dev.dxcp.server.ui;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell in embedded mode: development sign-in, what an OBSERVER sees, blocked admin, unknown routes. */
class UiShellTest extends EmbeddedUiTest {
    private static final List<String> MUTATING = List.of("nav-deploy", "service-deploy", "service-rollback", "promote-button",
            "rollback-button", "deploy-submit", "check-deployment");

    @Test
    @DisplayName("ui.md check 1: development sign-in as Observer lands on Services with the OBSERVER badge and the embedded-mode strip")
    void observerSignInLandsOnServicesWithBadgeAndEmbeddedStrip() {
        browser.open("/deployments");
        browser.awaitPath("/signin");
        browser.clickButton("Observer");
        browser.awaitPath("/deployments");

        browser.open("/");
        browser.awaitPath("/services");
        assertThat(browser.text("role-badge")).isEqualTo("OBSERVER");
        assertThat(browser.text("embedded-strip")).isEqualTo("Embedded development mode — tokens are not real identities");
        browser.byTestId("service-table");
        browser.screenshot("observer-services");
    }

    @Test
    @DisplayName("ui.md §2: with the development issuer running, the UI's runtime configuration says embedded sign-in")
    void runtimeConfigurationSaysEmbeddedWhileTheDevelopmentIssuerRuns() {
        var config = get("/ui-config.json", null).json();
        assertThat(config.path("auth").path("mode").asText()).isEqualTo("embedded");
        assertThat(config.path("oidc").path("issuer").isNull()).isTrue();
        assertThat(config.path("oidc").path("rolesClaim").asText()).isEqualTo("https://dxcp.example/claims/roles");
    }

    @Test
    @DisplayName("ui.md check 4: an OBSERVER sees no Deploy, Promote or Rollback button on any screen and no Admin entry")
    void observerSeesNoMutatingButtonAndNoAdminEntry() {
        String demoDeployment = get("/v1/deployments?service=demo-service", admin()).json().get(0).path("id").asText();
        signIn("Observer", null);
        for (String path : List.of("/services", "/services/demo-service", "/deployments/" + demoDeployment, "/deployments",
                "/insights", "/deploy?service=demo-service")) {
            browser.open(path);
            browser.byTestId("role-badge");
            switch (path) {
                case "/services" -> browser.byTestId("service-table");
                case "/services/demo-service" -> browser.awaitText("running-version", ".");
                case "/deployments" -> browser.byTestId("history-table");
                case "/insights" -> browser.byTestId("dora-frequency");
                case "/deploy?service=demo-service" -> browser.awaitText("deploy-forbidden", "Deploying needs the Delivery owner or Platform admin role");
                default -> browser.byTestId("timeline");
            }
            for (String button : MUTATING) {
                assertThat(browser.present(button)).as(button + " on " + path).isFalse();
            }
            assertThat(browser.buttonPresent("Deploy")).as("a Deploy button on " + path).isFalse();
            assertThat(browser.bodyText()).as(path).doesNotContain("Roll back").doesNotContain("Promote");
            assertThat(browser.driver().findElements(By.cssSelector("nav[aria-label='Main'] a")))
                    .extracting(element -> element.getText()).containsExactly("Services", "Deployments", "Insights");
        }
        browser.open("/services/demo-service");
        browser.byTestId("env-guardrails");
        browser.screenshot("observer-service-page");
    }

    @Test
    @DisplayName("ui.md check 5: an OBSERVER opening /admin/settings sees the blocked-access page; no /v1/admin request is sent")
    void observerOnAdminSettingsSeesBlockedAccessWithoutAnyAdminRequest() {
        signIn("Observer", null);
        proxy().clear();
        browser.open("/admin/settings");
        browser.awaitText("blocked-access", "Admin is for platform admins");
        browser.screenshot("blocked-access");
        assertThat(proxy().exchanges()).extracting(RecordingProxy.Exchange::path).isNotEmpty()
                .noneMatch(path -> path.startsWith("/v1/admin"));
    }

    @Test
    @DisplayName("ui.md §3, §5.7: a platform admin has the Admin entry; its overview shows configuration, engine, defaults and read models")
    void platformAdminHasTheAdminEntryAndItsOverview() {
        signIn("Platform admin", null);
        assertThat(browser.driver().findElements(By.cssSelector("nav[aria-label='Main'] a")))
                .extracting(element -> element.getText()).containsExactly("Services", "Deployments", "Insights", "Admin");
        browser.clickButton("Admin");
        browser.awaitPath("/admin/overview");
        browser.awaitText("admin-engine", "UP");
        browser.awaitText("admin-settings", "Deploys a day per group and environment: 25");
        browser.awaitText("admin-projections", "deployments");
        browser.screenshot("admin-overview");
    }

    @Test
    @DisplayName("ui.md §3: an unknown route shows the not-found page with links to Services and Deployments")
    void unknownRouteShowsNotFoundWithLinks() {
        signIn("Delivery owner", null);
        browser.open("/no/such/screen");
        browser.awaitText("not-found", "Page not found");
        assertThat(browser.byTestId("not-found").findElements(By.tagName("a"))).extracting(e -> e.getText())
                .containsExactly("Services", "Deployments");
    }
}
