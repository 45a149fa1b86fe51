package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the replay's service / group / environment filters see in a payload. */
class AuditEventScopeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void deploymentFactsNameServiceGroupEnvironmentAndTheRecord() {
        EventScope scope = scope("DeploymentAccepted", """
                {"deploymentId":"d1","service":"svc","environment":"sandbox","sourceEnvironment":null,
                 "deliveryGroupId":"grp","policy":{"service":"not-this"},"actor":{"actorId":"x"}}""");
        assertThat(scope.services()).containsExactly("svc");
        assertThat(scope.groups()).containsExactly("grp");
        assertThat(scope.environments()).containsExactly("sandbox");
        assertThat(scope.deploymentId()).isEqualTo("d1");
    }

    @Test
    void groupEventsNameTheGroupAndItsServicesBeforeAndAfter() {
        EventScope scope = scope("DeliveryGroupUpdated", """
                {"oldValue":{"id":"g1","services":["a"]},"newValue":{"id":"g1","services":["b"],
                 "allowedRecipes":["default"]}}""");
        assertThat(scope.groups()).containsExactly("g1");
        assertThat(scope.services()).containsExactlyInAnyOrder("a", "b");
        assertThat(scope.environments()).isEmpty();
        assertThat(scope("DeliveryGroupCreated", "{\"group\":{\"id\":\"g2\",\"services\":[]}}").groups())
                .containsExactly("g2");
    }

    @Test
    void environmentBindingAndRouteEventsNameWhatTheyBind() {
        assertThat(scope("EnvironmentCreated", "{\"environment\":{\"id\":\"prod\"}}").environments())
                .containsExactly("prod");
        assertThat(scope("EnvironmentUpdated", "{\"oldValue\":{\"id\":\"prod\"},\"newValue\":{\"id\":\"prod\"}}")
                .environments()).containsExactly("prod");
        EventScope binding = scope("EnvironmentBindingSet",
                "{\"oldValue\":null,\"newValue\":{\"deliveryGroupId\":\"g\",\"environmentId\":\"qa\"}}");
        assertThat(binding.groups()).containsExactly("g");
        assertThat(binding.environments()).containsExactly("qa");
        assertThat(scope("ServiceRouteSet", "{\"newValue\":{\"serviceId\":\"s\",\"environmentId\":\"qa\"}}")
                .services()).containsExactly("s");
    }

    @Test
    void laneEventsNameTheirGroupAndEnvironment() {
        EventScope scope = scope("DeploymentAdmitted", "{\"laneId\":\"lane/grp-a/sandbox\",\"deploymentId\":\"d\"}");
        assertThat(scope.groups()).containsExactly("grp-a");
        assertThat(scope.environments()).containsExactly("sandbox");
    }

    @Test
    void buildsNameTheirServiceAndRecipesNameNothing() {
        assertThat(scope("BuildRegistered", "{\"build\":{\"service\":\"svc\",\"version\":\"1.0.0\"}}").services())
                .containsExactly("svc");
        EventScope recipe = scope("RecipeUpdated", "{\"oldValue\":{\"id\":\"r\"},\"newValue\":{\"id\":\"r\"}}");
        assertThat(recipe.isEmpty()).isTrue();
    }

    @Test
    void progressEventsNameOnlyTheirDeployment() {
        EventScope scope = scope("DeploymentSucceeded", "{\"deploymentId\":\"d9\",\"at\":\"2026-01-01T00:00:00Z\"}");
        assertThat(scope.isEmpty()).isTrue();
        assertThat(scope.deploymentId()).isEqualTo("d9");
    }

    private static EventScope scope(String type, String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return EventScope.of(type, node);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
