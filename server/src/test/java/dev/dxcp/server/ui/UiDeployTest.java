package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deploy by intent (ui.md §5.3): check, policy panel, one key per submission, refusals explained. */
class UiDeployTest extends EmbeddedUiTest {

    private void fillIntent(String service, String version, String summary) {
        browser.open("/deploy?service=" + service);
        browser.select("deploy-environment", "sandbox");
        browser.type("deploy-version", version);
        if (summary != null) {
            browser.type("deploy-summary", summary);
        }
        browser.awaitText("policy-quota", "Deployments left today");
    }

    @Test
    @DisplayName("ui.md check 8: Deploy stays disabled until a change summary is entered and Check succeeded; editing the version disables it again")
    void deployNeedsASummaryAndASuccessfulCheckAndAnEditUnchecks() {
        String version = newVersion();
        String other = newVersion();
        register("search-api", version);
        register("search-api", other);
        signIn("Delivery owner", null);

        fillIntent("search-api", version, null);
        assertThat(browser.enabled("deploy-submit")).isFalse();
        browser.click("check-deployment");
        browser.byTestId("check-result");
        assertThat(browser.enabled("deploy-submit")).as("checked, but no change summary").isFalse();

        browser.type("deploy-summary", "Search ranking fix");
        browser.awaitEnabled("deploy-submit", false);
        assertThat(browser.present("check-result")).as("an edit returns to the unchecked state").isFalse();
        browser.click("check-deployment");
        browser.byTestId("check-result");
        browser.awaitEnabled("deploy-submit", true);

        browser.type("deploy-version", other);
        browser.awaitEnabled("deploy-submit", false);
        assertThat(browser.present("check-result")).isFalse();
        assertThat(proxy().sent("POST", "/v1/deployments")).extracting(RecordingProxy.Exchange::path)
                .containsOnly("/v1/deployments/validate");
    }

    @Test
    @DisplayName("ui.md check 9: double-clicking Deploy creates exactly one deployment; every POST sent carried the same Idempotency-Key")
    void doubleClickOnDeployCreatesOneDeploymentWithOneKey() {
        String version = newVersion();
        register("notifications", version);
        signIn("Delivery owner", null);
        fillIntent("notifications", version, "Quieter digests");
        browser.click("check-deployment");
        browser.awaitEnabled("deploy-submit", true);

        WebElement deploy = browser.byTestId("deploy-submit");
        // Two clicks in one task: the second lands before React can re-render the disabled button.
        browser.js("arguments[0].click(); arguments[0].click();", deploy);
        browser.awaitPath("/deployments/");

        List<RecordingProxy.Exchange> posts = proxy().sent("POST", "/v1/deployments").stream()
                .filter(exchange -> exchange.path().equals("/v1/deployments")).toList();
        assertThat(posts).isNotEmpty();
        assertThat(posts).extracting(exchange -> exchange.requestHeader("Idempotency-Key")).doesNotContainNull()
                .containsOnly(posts.get(0).requestHeader("Idempotency-Key"));
        assertThat(posts).as("the button is disabled from the first click").hasSize(1);
        JsonNode records = get("/v1/deployments?service=notifications", admin()).json();
        assertThat(records.findValuesAsText("version")).containsExactly(version);
        assertThat(browser.path()).isEqualTo("/deployments/" + records.get(0).path("id").asText());
    }

    @Test
    @DisplayName("ui.md check 10: losing the first deploy response and retrying lands on the same deployment id (replayed answer)")
    void aLostDeployAnswerIsRetriedWithTheSameKeyAndOpensTheSameDeployment() {
        String version = newVersion();
        register("pricing-api", version);
        signIn("Delivery owner", null);
        fillIntent("pricing-api", version, "Regional prices");
        browser.click("check-deployment");
        browser.awaitEnabled("deploy-submit", true);

        proxy().dropNextAnswer("POST", "/v1/deployments");
        browser.click("deploy-submit");
        browser.awaitPath("/deployments/");

        List<RecordingProxy.Exchange> posts = proxy().sent("POST", "/v1/deployments").stream()
                .filter(exchange -> exchange.path().equals("/v1/deployments")).toList();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).dropped()).isTrue();
        assertThat(posts.get(1).requestHeader("Idempotency-Key")).isEqualTo(posts.get(0).requestHeader("Idempotency-Key"));
        assertThat(posts.get(1).responseHeader("Idempotency-Replayed")).isEqualTo("true");
        String firstId = readId(posts.get(0).responseBody());
        assertThat(browser.path()).isEqualTo("/deployments/" + firstId);
        assertThat(get("/v1/deployments?service=pricing-api", admin()).json().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("ui.md check 12: with the group's daily deploy quota used up, Check shows \"0 left\", QUOTA_EXCEEDED and a request_id")
    void usedUpQuotaShowsZeroLeftAndQuotaExceededWithRequestId() {
        ownGroup("risk", "Risk", OWNER, Map.of("daily_deploy_quota", 1), "fraud-scoring");
        String used = newVersion();
        String next = newVersion();
        register("fraud-scoring", used);
        register("fraud-scoring", next);
        deployed("fraud-scoring", used, owner(OWNER));

        signIn("Delivery owner", null);
        fillIntent("fraud-scoring", next, "Tighter thresholds");
        browser.awaitText("policy-quota", "0 left");
        assertThat(browser.text("policy-quota")).contains("Deployments left today: 0 of 1");
        browser.click("check-deployment");

        assertThat(browser.awaitText("problem-code", "QUOTA_EXCEEDED")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(browser.text("refusal-why")).isEqualTo("Daily deploy quota of group Risk in sandbox used: 1 of 1, 0 left");
        assertThat(browser.text("problem-request-id")).matches("[0-9a-f-]{36}");
        assertThat(browser.enabled("deploy-submit")).isFalse();
        browser.screenshot("deploy-quota-exceeded");
    }

    @Test
    @DisplayName("ui.md check 13: with max_concurrent_deployments 1 and one deployment running, a second deploy names the concurrency limit and links to the running one")
    void secondDeployNamesTheConcurrencyLimitAndLinksToTheRunningDeployment() {
        ownGroup("logistics", "Logistics", OWNER, Map.of("max_concurrent_deployments", 1), "ledger-worker", "shipping-api");
        String running = newVersion();
        String waiting = newVersion();
        register("ledger-worker", running);
        register("shipping-api", waiting);
        gate().outcomes().forParameter("version", running, Outcome.awaitJudgment());
        String runningId = deploy("ledger-worker", running, owner(OWNER), "canary").path("id").asText();
        try {
            signIn("Delivery owner", null);
            fillIntent("shipping-api", waiting, "Carrier API v2");
            browser.click("check-deployment");
            assertThat(browser.awaitText("problem-code", "CONCURRENCY_LIMIT_REACHED")).isEqualTo("CONCURRENCY_LIMIT_REACHED");
            assertThat(browser.text("refusal-why")).isEqualTo("1 of 1 deployments already running in Logistics/sandbox");
            assertThat(browser.text("refusal-next")).isEqualTo("Wait for the running one to finish");
            WebElement link = browser.byTestId("running-deployments").findElement(By.tagName("a"));
            assertThat(link.getText()).startsWith("ledger-worker " + running);
            browser.screenshot("deploy-concurrency-limit");
            link.click();
            browser.awaitPath("/deployments/" + runningId);
        } finally {
            continueJudgment(runningId);
            awaitTerminal(runningId);
        }
    }

    @Test
    @DisplayName("ui.md check 15: every problem panel shows code, message and a request_id equal to the response's X-Request-Id")
    void problemPanelShowsCodeMessageAndTheResponsesRequestId() {
        signIn("Delivery owner", null);
        fillIntent("search-api", "9.9.9", "Never registered");
        browser.click("check-deployment");
        browser.awaitText("problem-code", "VERSION_NOT_FOUND");

        RecordingProxy.Exchange validate = proxy().sent("POST", "/v1/deployments/validate").get(0);
        assertThat(validate.status()).isEqualTo(400);
        String responseId = validate.responseHeader("X-Request-Id");
        assertThat(responseId).isEqualTo(validate.requestHeader("X-Request-Id"));
        assertThat(browser.text("problem-request-id")).isEqualTo(responseId);
        assertThat(browser.text("problem-message")).isEqualTo(readField(validate.responseBody(), "message")).isNotBlank();
        assertThat(browser.text("problem-status")).isEqualTo("400");
        assertThat(browser.text("refusal-why")).isEqualTo("This version was not registered by CI");
        browser.screenshot("deploy-refused");
    }

    private static String readId(String body) {
        return readField(body, "id");
    }

    private static String readField(String body, String field) {
        try {
            return dev.dxcp.testsupport.http.TestHttp.JSON.readTree(body).path(field).asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
