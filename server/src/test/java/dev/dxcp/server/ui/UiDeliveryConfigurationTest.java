package dev.dxcp.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery configuration (ui.md §5.7): groups, recipes, routing, environments and bindings. Covers ui.md check 22. */
class UiDeliveryConfigurationTest extends EmbeddedUiTest {

    @Test
    @DisplayName("ui.md check 22: a delivery group naming a service of another group cannot be saved (SERVICE_ALREADY_ASSIGNED on the field); "
            + "a validation WARNING needs the acknowledgement tick")
    void aServiceOfAnotherGroupBlocksTheSaveAndWarningsNeedTheTick() {
        ownGroup("ui-tax", "Tax", OWNER, Map.of("max_concurrent_deployments", 1, "daily_deploy_quota", 5,
                "daily_rollback_quota", 2), "tax-api");
        signIn("Platform admin", null);
        browser.open("/admin/groups/new");
        browser.type("group-field-id", "ui-reports");
        browser.type("group-field-name", "Reports");
        browser.awaitText("group-field-services", "in Tax");
        browser.click("service-option-tax-api");
        browser.click("group-review");
        browser.awaitText("preview-error", "SERVICE_ALREADY_ASSIGNED");
        browser.type("review-reason", "Reports get their own group");
        assertThat(browser.enabled("review-save")).as("an ERROR blocks Save").isFalse();
        browser.screenshot("admin-group-refused");
        browser.click("review-cancel");
        assertThat(browser.awaitText("group-field-services", "SERVICE_ALREADY_ASSIGNED"))
                .contains("already belongs to delivery group ui-tax");
        assertThat(proxy().sent("POST", "/v1/delivery-groups")).isEmpty();

        // Without the service: no services and default guardrails are only warnings, which need the tick.
        browser.click("service-option-tax-api");
        browser.click("recipe-option-default");
        browser.click("group-review");
        browser.awaitText("preview-warning", "services");
        browser.type("review-reason", "Reports get their own group");
        assertThat(browser.enabled("review-save")).as("WARNING without the tick").isFalse();
        browser.click("review-ack");
        browser.awaitEnabled("review-save", true);
        browser.screenshot("admin-group-warnings");
        browser.click("review-save");
        browser.awaitPath("/admin/groups/ui-reports");
        browser.awaitText("group-reason", "Reports get their own group");
        JsonNode created = get("/v1/delivery-groups/ui-reports", admin()).json();
        assertThat(created.path("services")).isEmpty();
        assertThat(created.path("last_change_reason").asText()).isEqualTo("Reports get their own group");
        assertThat(get("/v1/delivery-groups/ui-tax", admin()).json().path("services").get(0).asText()).isEqualTo("tax-api");
    }

    @Test
    @DisplayName("ui.md §5.7: a recipe is created after review, routed for a service, and its delete is refused with RECIPE_IN_USE "
            + "naming the route and offering Deprecate instead")
    void recipeCreateRouteAndARefusedDeleteThatSuggestsDeprecating() {
        JsonNode standard = get("/v1/recipes/default", admin()).json();
        signIn("Platform admin", null);
        browser.open("/admin/recipes");
        browser.byTestId("recipe-row-default");
        browser.screenshot("admin-recipes");
        browser.click("recipe-new");
        browser.type("recipe-field-id", "ui-blue");
        browser.type("recipe-field-name", "Blue (reports)");
        browser.type("recipe-field-summary", "Deploys in place; rollbacks redeploy the previous good version.");
        browser.type("recipe-field-application", standard.path("spinnaker_application").asText());
        browser.type("recipe-field-deploy", standard.path("deploy_pipeline").asText());
        browser.click("recipe-review");
        browser.awaitText("recipe-revision-note", "revision 1");
        browser.awaitText("preview-warning", "rollback_pipeline");
        browser.click("review-ack");
        browser.type("review-reason", "A recipe for the reports service");
        browser.click("review-save");
        browser.awaitPath("/admin/recipes/ui-blue");
        browser.awaitText("recipe-revision", "1");
        browser.screenshot("admin-recipe");

        browser.open("/admin/routing/reports-api");
        browser.select("route-pick-sandbox", "ui-blue");
        browser.click("route-review-sandbox");
        browser.awaitText("review-changes", "ui-blue");
        browser.click("review-save");
        browser.awaitText("route-recipe-sandbox", "ui-blue");
        browser.screenshot("admin-routing");

        browser.open("/admin/recipes/ui-blue");
        browser.click("recipe-delete");
        browser.click("confirm-action");
        browser.awaitText("problem-code", "RECIPE_IN_USE");
        browser.awaitText("recipe-in-use", "reports-api");
        browser.screenshot("admin-recipe-in-use");
        browser.click("recipe-deprecate-instead");
        browser.type("recipe-deprecate-reason", "Still routed; retire it instead of deleting");
        browser.click("confirm-action");
        browser.awaitText("recipe-status", "deprecated");
        JsonNode recipe = get("/v1/recipes/ui-blue", admin()).json();
        assertThat(recipe.path("status").asText()).isEqualTo("deprecated");
        assertThat(recipe.path("recipe_revision").asInt()).isEqualTo(2);
        assertThat(proxy().sent("DELETE", "/v1/admin/recipes/ui-blue")).hasSize(1)
                .allSatisfy(exchange -> assertThat(exchange.status()).isEqualTo(409));
    }

    @Test
    @DisplayName("ui.md §5.7: environments are created and retired, a referenced one's delete lists its references; "
            + "a group's binding is switched off and its re-enabling after retirement is explained (ENVIRONMENT_RETIRED)")
    void environmentsAndBindings() {
        signIn("Platform admin", null);
        browser.open("/admin/environments");
        browser.click("environment-new");
        browser.type("environment-field-id", "Bad_Id");
        assertThat(browser.enabled("environment-review")).as("the contract's id pattern").isFalse();
        browser.type("environment-field-id", "ui-staging");
        browser.type("environment-field-display", "Staging (UI test)");
        browser.click("environment-review");
        browser.awaitText("review-changes", "ui-staging");
        browser.click("review-save");
        browser.awaitText("environment-row-ui-staging", "Staging (UI test)");
        browser.screenshot("admin-environments");

        String admin = admin();
        ownGroup("ui-bind", "Bindings", OWNER, Map.of("max_concurrent_deployments", 1), "reports-api");
        assertThat(put("/v1/admin/delivery-groups/ui-bind/environments/sandbox", admin, Map.of("is_enabled", true, "order_index", 1)).status()).isEqualTo(200);
        assertThat(put("/v1/admin/delivery-groups/ui-bind/environments/ui-staging", admin, Map.of("is_enabled", true, "order_index", 2)).status()).isEqualTo(200);

        browser.open("/admin/groups/ui-bind");
        browser.byTestId("binding-ui-staging");
        browser.clickInput("binding-enabled-ui-staging");
        await("the binding switched off", () -> !binding("ui-bind", "ui-staging").path("is_enabled").asBoolean());

        // Deleting an environment others refer to is refused with the references; retiring this one is allowed.
        browser.open("/admin/environments");
        browser.click("environment-delete-sandbox");
        browser.click("confirm-action");
        browser.awaitText("problem-code", "ENVIRONMENT_DELETE_BLOCKED_REFERENCED");
        browser.byTestId("environment-retire-instead");
        browser.screenshot("admin-environment-referenced");
        browser.click("confirm-cancel");
        browser.driver().findElement(By.cssSelector("[data-testid='environment-row-ui-staging']"))
                .findElement(By.xpath(".//button[normalize-space(.)='Retire']")).click();
        browser.click("confirm-action");
        browser.awaitText("environment-row-ui-staging", "RETIRED");
        assertThat(get("/v1/environments/ui-staging", admin).json().path("lifecycle_state").asText()).isEqualTo("retired");

        browser.open("/admin/groups/ui-bind");
        browser.byTestId("binding-ui-staging");
        browser.clickInput("binding-enabled-ui-staging");
        browser.awaitText("problem-code", "ENVIRONMENT_RETIRED");
        browser.awaitText("refusal-why", "retired");
        browser.screenshot("admin-group-bindings");
        assertThat(binding("ui-bind", "ui-staging").path("is_enabled").asBoolean()).isFalse();
    }


    private JsonNode binding(String group, String environment) {
        for (JsonNode row : get("/v1/admin/delivery-groups/" + group + "/environments", admin()).json()) {
            if (environment.equals(row.path("environment_id").asText())) {
                return row;
            }
        }
        throw new AssertionError("no binding of " + environment + " in " + group);
    }
}
