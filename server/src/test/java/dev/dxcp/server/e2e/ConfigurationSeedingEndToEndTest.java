package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.configuration.DeliveryConfigurationSeeder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** domain §14: the first start on an empty store seeded the configuration, once. */
class ConfigurationSeedingEndToEndTest extends ConfigurationEndToEndTest {
    @Autowired
    private DeliveryConfigurationSeeder seeder;

    @Test
    void theDefaultGroupHoldsEveryRegistryServiceWithTheStandardRecipesAndNoOwner() {
        JsonNode group = get("/v1/delivery-groups/default", env.identity.observerToken()).json();
        assertThat(group.path("name").asText()).isEqualTo("Default Delivery Group");
        assertThat(texts(group.path("services"))).contains("demo-service", "demo-service-2", "e2e-svc-1",
                "e2e-svc-49");
        assertThat(texts(group.path("allowed_recipes"))).containsExactly("default", "canary", "bluegreen");
        assertThat(group.path("owner").isNull()).isTrue();
        assertThat(group.path("created_by").asText()).isEqualTo("system");
    }

    @Test
    void theThreeRecipesCarryTheGateSimulatorsPipelines() {
        JsonNode recipes = get("/v1/recipes", admin()).json();
        JsonNode standard = find(recipes, "id", "default");
        assertThat(standard.path("name").asText()).isEqualTo("Standard");
        assertThat(standard.path("spinnaker_application").asText()).isEqualTo("dxcp-demo");
        assertThat(standard.path("deploy_pipeline").asText()).isEqualTo("deploy-demo-service");
        assertThat(standard.path("rollback_pipeline").asText()).isEqualTo("rollback-demo-service");
        JsonNode canary = find(recipes, "id", "canary");
        assertThat(canary.path("deploy_pipeline").asText()).isEqualTo("canary-deploy-demo-service");
        assertThat(canary.path("recipe_revision").asInt()).isEqualTo(1);
        assertThat(find(recipes, "id", "bluegreen").path("status").asText()).isEqualTo("active");
    }

    @Test
    void sandboxIsBoundToTheDefaultGroupFirstAndEveryServiceIsRoutedToTheStandardRecipe() {
        JsonNode sandbox = get("/v1/environments/sandbox", admin()).json();
        assertThat(sandbox.path("type").asText()).isEqualTo("non_prod");
        assertThat(sandbox.path("lifecycle_state").asText()).isEqualTo("active");
        JsonNode bindings = get("/v1/admin/delivery-groups/default/environments", admin()).json();
        JsonNode binding = find(bindings, "environment_id", "sandbox");
        assertThat(binding.path("order_index").asInt()).isEqualTo(1);
        assertThat(binding.path("is_enabled").asBoolean()).isTrue();
        JsonNode routes = get("/v1/admin/services/e2e-svc-3/environments", admin()).json();
        assertThat(find(routes, "environment_id", "sandbox").path("recipe_id").asText()).isEqualTo("default");
    }

    @Test
    void anotherStartFindsItSeededAndAddsNothing() {
        int seededMarkers = eventsOfType("DeliveryConfigurationSeeded");
        int groupsCreated = eventsOfType("DeliveryGroupCreated");
        seeder.seed();
        seeder.seed();
        assertThat(seededMarkers).isEqualTo(1);
        assertThat(eventsOfType("DeliveryConfigurationSeeded")).isEqualTo(1);
        assertThat(eventsOfType("DeliveryGroupCreated")).isEqualTo(groupsCreated);
        String actor = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE payloadtype LIKE '%DeliveryConfigurationSeeded'", String.class);
        assertThat(actor).contains("\"actor_id\":\"system\"");
    }

    @Test
    void theSeedListsTheDefaultGroupAmongAllGroupsSortedByName() {
        List<String> names = texts(get("/v1/delivery-groups", ci("lister")).json(), "name");
        assertThat(names).contains("Default Delivery Group");
        assertThat(names).isSortedAccordingTo(String::compareTo);
    }
}
