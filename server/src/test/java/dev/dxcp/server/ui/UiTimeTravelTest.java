package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "What did we know at that moment" (ui.md §4.7, docs/TIME_TRAVEL.md) on the service and deployment pages. Covers ui.md check 20. */
class UiTimeTravelTest extends EmbeddedUiTest {
    private static final String BANNER = "configuration and permissions are today's";

    @Test
    @DisplayName("ui.md check 20: an \"as of\" moment before a deployment succeeded shows the earlier running version, the as-of banner "
            + "and no actions; \"Back to now\" restores the present; an as-of before a record existed shows \"did not exist yet\"")
    void asOfShowsWhatRanThenWithoutActionsAndBackToNowRestoresThePresent() {
        List<JsonNode> releases = twoReleases("orders-api");
        String older = releases.get(0).path("version").asText();
        String newer = releases.get(1).path("version").asText();
        String newerId = releases.get(1).path("id").asText();
        String createdAt = releases.get(1).path("createdAt").asText();
        signIn("Delivery owner", null);

        // The moment the newer deployment was accepted, taken from its own page: it had not succeeded yet.
        browser.open("/deployments/" + newerId);
        browser.awaitText("state-badge", "SUCCEEDED");
        browser.byTestId("rollback-button");
        browser.driver().findElement(By.cssSelector("[data-testid='deployment-created'] [data-testid='as-of-link']")).click();
        browser.waitFor(d -> browser.path().contains("asOf=") ? Boolean.TRUE : null);
        assertThat(asOfInUrl()).as("the exact server string, microseconds included").isEqualTo(createdAt);
        browser.awaitText("time-travel-banner", BANNER);
        browser.waitFor(d -> !browser.text("state-badge").equals("SUCCEEDED") ? Boolean.TRUE : null);
        assertThat(browser.present("rollback-button")).isFalse();
        assertThat(browser.present("nav-deploy")).isFalse();
        assertThat(browser.present("live-indicator")).as("no live polling of the past").isFalse();
        browser.screenshot("time-travel-deployment");

        // The service link keeps the moment: the older version was still the one running.
        browser.click("deployment-service");
        browser.awaitPath("/services/orders-api?");
        assertThat(asOfInUrl()).isEqualTo(createdAt);
        browser.awaitText("time-travel-banner", BANNER);
        assertThat(browser.awaitText("running-version", older)).isEqualTo(older);
        assertThat(browser.present("service-deploy")).isFalse();
        assertThat(browser.present("service-rollback")).isFalse();
        assertThat(browser.buttonPresent("Deploy to sandbox")).isFalse();
        browser.awaitText("versions", "Versions (today)");
        browser.screenshot("time-travel-service");

        browser.click("back-to-now");
        browser.waitFor(d -> browser.path().equals("/services/orders-api") ? Boolean.TRUE : null);
        assertThat(browser.awaitText("running-version", newer)).isEqualTo(newer);
        browser.byTestId("service-deploy");
        assertThat(browser.present("time-travel-banner")).isFalse();

        // The picker: a moment long before the record existed.
        browser.open("/deployments/" + newerId);
        browser.awaitText("state-badge", "SUCCEEDED");
        browser.setValue("as-of-input", "2020-01-01T00:00:00");
        browser.click("as-of-apply");
        browser.awaitText("deployment-not-yet", "This deployment did not exist yet at");
        assertThat(asOfInUrl()).startsWith("2020-01-01T").endsWith("Z");
        browser.awaitText("time-travel-banner", BANNER);
        browser.screenshot("time-travel-not-yet");

        // A moment the server cannot read is shown on the picker.
        browser.open("/services/orders-api?asOf=yesterday");
        browser.awaitText("as-of-control", "INVALID_REQUEST");
    }

    private String asOfInUrl() {
        String path = browser.path();
        String query = path.substring(path.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            if (pair.startsWith("asOf=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
