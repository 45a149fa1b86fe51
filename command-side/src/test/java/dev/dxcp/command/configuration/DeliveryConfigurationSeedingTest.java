package dev.dxcp.command.configuration;

import dev.dxcp.events.configuration.ConfigurationCommands.SeedDeliveryConfiguration;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryConfigurationSeeded;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.dxcp.command.configuration.ConfigurationFixtures.T0;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T1;
import static dev.dxcp.command.configuration.ConfigurationFixtures.foldsTo;
import static dev.dxcp.command.configuration.ConfigurationFixtures.lastEventIs;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seeded;
import static org.assertj.core.api.Assertions.assertThat;

/** domain §14: what the first start on an empty store creates, and that it happens once. */
class DeliveryConfigurationSeedingTest {
    private static final Map<String, Object> BY_SYSTEM = Map.of("actor_id", "system");

    private AggregateTestFixture<DeliveryConfiguration> fixture;

    @BeforeEach
    void setUp() {
        fixture = ConfigurationFixtures.fixture();
    }

    @Test
    void firstStartSeedsRecipesSandboxTheDefaultGroupItsBindingAndRoutes() {
        fixture.givenNoPriorActivity()
                .when(new SeedDeliveryConfiguration(List.of("svc-a", "svc-b"), T0), BY_SYSTEM)
                .expectEventsMatching(Matchers.allOf(lastEventIs(new DeliveryConfigurationSeeded(T0)),
                        foldsTo(List.of(), state -> {
                    assertThat(state.seeded()).isTrue();
                    assertThat(state.recipes()).extracting(Recipe::id).containsExactly("default", "canary", "bluegreen");
                    Recipe standard = state.recipe("default").orElseThrow();
                    assertThat(standard.name()).isEqualTo("Standard");
                    assertThat(standard.revision()).isEqualTo(1);
                    assertThat(standard.status()).isEqualTo(Recipe.ACTIVE);
                    assertThat(List.of(standard.spinnakerApplication(), standard.deployPipeline(),
                            standard.rollbackPipeline()))
                            .containsExactly("dxcp-demo", "deploy-demo-service", "rollback-demo-service");
                    Recipe canary = state.recipe("canary").orElseThrow();
                    assertThat(canary.deployPipeline()).isEqualTo("canary-deploy-demo-service");
                    assertThat(canary.rollbackPipeline()).isEqualTo("rollback-demo-service");
                    assertThat(state.recipe("bluegreen").orElseThrow().deployPipeline())
                            .isEqualTo("deploy-demo-service");
                    assertThat(standard.createdBy()).isEqualTo("system");

                    var sandbox = state.environment("sandbox").orElseThrow();
                    assertThat(sandbox.type()).isEqualTo("non_prod");
                    assertThat(sandbox.active()).isTrue();

                    DeliveryGroup group = state.group("default").orElseThrow();
                    assertThat(group.name()).isEqualTo("Default Delivery Group");
                    assertThat(group.services()).containsExactly("svc-a", "svc-b");
                    assertThat(group.allowedRecipes()).containsExactly("default", "canary", "bluegreen");
                    assertThat(group.guardrails()).isNull();
                    assertThat(group.owner()).isNull();
                    assertThat(group.allowedEnvironments()).isNull();

                    assertThat(state.bindings("default"))
                            .containsExactly(new EnvironmentBinding("default", "sandbox", true, 1));
                    assertThat(state.routes()).containsExactlyInAnyOrder(
                            new ServiceRoute("svc-a", "sandbox", "default"),
                            new ServiceRoute("svc-b", "sandbox", "default"));
                })));
    }

    @Test
    void seedingAgainChangesNothing() {
        fixture.given(seeded())
                .when(new SeedDeliveryConfiguration(List.of("svc-a", "svc-b", "svc-c", "svc-d"), T1),
                        BY_SYSTEM)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void seedingAfterAGroupWasCreatedKeepsItsServicesAndBindsItToSandboxToo() {
        DeliveryGroup early = new DeliveryGroup("early", "Early", null, null, List.of("svc-a"), null,
                List.of(), null, T0, "admin", T0, "admin", null);
        fixture.given(new DeliveryGroupCreated(early))
                .when(new SeedDeliveryConfiguration(List.of("svc-a", "svc-b"), T1), BY_SYSTEM)
                .expectEventsMatching(foldsTo(List.of(new DeliveryGroupCreated(early)), state -> {
                    assertThat(state.group("default").orElseThrow().services()).containsExactly("svc-b");
                    assertThat(state.groupOf("svc-a").orElseThrow().id()).isEqualTo("early");
                    assertThat(state.binding("early", "sandbox")).isPresent();
                    assertThat(state.route("svc-a", "sandbox")).isEmpty();
                }));
    }
}
