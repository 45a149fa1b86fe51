package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Deployment detail (ui.md §5.5): live progress, failures, engine link, rollback. */
class UiDeploymentDetailTest extends EmbeddedUiTest {

    @Test
    @DisplayName("ui.md check 11: after Deploy the detail page goes from IN_PROGRESS to SUCCEEDED, timeline included, without reload; polling stops at the terminal state")
    void detailPageFollowsTheDeploymentLiveAndStopsPollingWhenItEnds() throws InterruptedException {
        String version = newVersion();
        register("checkout-web", version);
        gate().outcomes().forParameter("version", version, Outcome.awaitJudgment());
        signIn("Delivery owner", null);
        browser.open("/deploy?service=checkout-web&environment=sandbox");
        browser.type("deploy-version", version);
        browser.select("deploy-recipe", "canary");
        browser.type("deploy-summary", "One-page checkout behind a canary");
        browser.click("check-deployment");
        browser.awaitEnabled("deploy-submit", true);
        browser.click("deploy-submit");

        browser.awaitPath("/deployments/");
        String id = browser.path().substring("/deployments/".length());
        try {
            assertThat(browser.awaitText("state-badge", "IN_PROGRESS")).isEqualTo("IN_PROGRESS");
            browser.byTestId("live-indicator");
            browser.byTestId("timeline-in_progress");
            browser.screenshot("deployment-in-progress");
            browser.js("window.dxcpSamePage = 'not reloaded';");
        } finally {
            continueJudgment(id);
        }

        browser.awaitText("state-badge", "SUCCEEDED");
        browser.byTestId("timeline-succeeded");
        assertThat(browser.js("return window.dxcpSamePage;")).as("the page was not reloaded").isEqualTo("not reloaded");
        browser.waitFor(d -> browser.present("live-indicator") ? null : Boolean.TRUE);
        int polls = recordReads(id);
        Thread.sleep(7_000);
        assertThat(recordReads(id)).as("no GET of the record after the terminal state").isEqualTo(polls);
        assertThat(proxy().sent("GET", "/v1/deployments/" + id + "/failures")).hasSize(1);
        browser.screenshot("deployment-succeeded");
    }

    private int recordReads(String id) {
        return (int) proxy().sent("GET", "/v1/deployments/" + id).stream()
                .filter(exchange -> exchange.path().equals("/v1/deployments/" + id)).count();
    }

    @Test
    @DisplayName("ui.md check 16: a failed deployment shows category badge, summary and action hint; \"Open in Spinnaker\" only for an admin")
    void failedDeploymentShowsItsFailureAndOnlyAnAdminGetsTheEngineLink() {
        String version = newVersion();
        register("inventory-api", version);
        gate().outcomes().forParameter("version", version, Outcome.controllerError("artifact_bucket_mismatch"));
        JsonNode failed = deployed("inventory-api", version, owner(OWNER));
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        String id = failed.path("id").asText();

        signIn("Delivery owner", null);
        browser.open("/deployments/" + id);
        assertThat(browser.awaitText("category-badge", "ARTIFACT")).isEqualTo("ARTIFACT");
        assertThat(browser.text("failure-summary")).isNotBlank();
        assertThat(browser.text("failure-action")).isNotBlank();
        assertThat(browser.present("diagnostics")).isFalse();
        assertThat(browser.present("open-in-spinnaker")).isFalse();
        browser.screenshot("deployment-failed");

        browser.reset(proxy().url());
        signIn("Platform admin", null);
        browser.open("/deployments/" + id);
        browser.awaitText("category-badge", "ARTIFACT");
        browser.clickButton("Diagnostics");
        String link = browser.byTestId("open-in-spinnaker").getAttribute("href");
        JsonNode asAdmin = get("/v1/deployments/" + id, admin()).json();
        assertThat(link).isEqualTo(asAdmin.path("engineExecutionUrl").asText()).startsWith(gate().baseUrl());
        browser.screenshot("deployment-failed-admin");
    }

    @Test
    @DisplayName("ui.md check 17: rollback asks for confirmation naming the target version; Cancel sends nothing; Confirm creates one ROLLBACK record and opens it; the original shows \"Rolled back by\"")
    void rollbackConfirmsTheTargetCancelSendsNothingConfirmCreatesOneRollback() {
        List<JsonNode> releases = twoReleases("billing-api");
        String good = releases.get(0).path("version").asText();
        String bad = releases.get(1).path("version").asText();
        String badId = releases.get(1).path("id").asText();

        signIn("Delivery owner", null);
        browser.open("/deployments/" + badId);
        browser.click("rollback-button");
        assertThat(browser.awaitText("rollback-summary", "Roll back"))
                .isEqualTo("Roll back billing-api in sandbox from " + bad + " to " + good);
        browser.clickButton("Cancel");
        browser.waitFor(d -> browser.present("rollback-summary") ? null : Boolean.TRUE);
        assertThat(proxy().sent("POST", "/v1/deployments/" + badId + "/rollback")).isEmpty();

        browser.click("rollback-button");
        browser.click("rollback-confirm");
        browser.waitFor(d -> browser.path().startsWith("/deployments/") && !browser.path().endsWith(badId) ? Boolean.TRUE : null);
        String rollbackId = browser.path().substring("/deployments/".length());
        browser.awaitText("deployment-kind", "rollback");
        browser.awaitText("state-badge", "SUCCEEDED");
        assertThat(proxy().sent("POST", "/v1/deployments/" + badId + "/rollback")).hasSize(1);

        List<JsonNode> rollbacks = rollbacksOf(badId);
        assertThat(rollbacks).hasSize(1);
        assertThat(rollbacks.get(0).path("id").asText()).isEqualTo(rollbackId);
        assertThat(rollbacks.get(0).path("version").asText()).isEqualTo(good);

        browser.open("/deployments/" + badId);
        assertThat(browser.awaitText("rolled-back-by", good)).startsWith(good);
        assertThat(browser.text("outcome-badge")).isEqualTo("ROLLED_BACK");
        browser.screenshot("deployment-rolled-back");
    }

    @Test
    @DisplayName("ui.md check 18: a rollback record offers no Rollback button")
    void aRollbackRecordOffersNoRollback() {
        String badId = twoReleases("recommendations").get(1).path("id").asText();
        JsonNode rollback = post("/v1/deployments/" + badId + "/rollback", owner(OWNER), null,
                "Idempotency-Key", UUID.randomUUID().toString()).json();
        awaitTerminal(rollback.path("id").asText());

        signIn("Delivery owner", null);
        browser.open("/deployments/" + rollback.path("id").asText());
        browser.awaitText("rollback-of", badId);
        browser.awaitText("state-badge", "SUCCEEDED");
        assertThat(browser.present("rollback-button")).isFalse();
        assertThat(browser.bodyText()).doesNotContain("Roll back");
        browser.screenshot("deployment-rollback-record");
    }

    private List<JsonNode> rollbacksOf(String id) {
        List<JsonNode> found = new java.util.ArrayList<>();
        get("/v1/deployments?service=billing-api", admin()).json().forEach(record -> {
            if (id.equals(record.path("rollbackOf").asText())) {
                found.add(record);
            }
        });
        return found;
    }
}
