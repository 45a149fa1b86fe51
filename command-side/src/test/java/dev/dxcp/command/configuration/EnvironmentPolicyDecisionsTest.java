package dev.dxcp.command.configuration;

import dev.dxcp.events.configuration.ConfigurationCommands.SetEnvironmentBinding;
import dev.dxcp.events.configuration.ConfigurationCommands.SetServiceRoute;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentBindingSet;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.ServiceRouteSet;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.ServiceRoute;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.dxcp.command.RejectionMatchers.rejection;
import static dev.dxcp.command.configuration.ConfigurationFixtures.BY_ADMIN;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T1;
import static dev.dxcp.command.configuration.ConfigurationFixtures.T2;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seeded;
import static dev.dxcp.command.configuration.ConfigurationFixtures.seededAnd;

/** api-contract §10: a group's environment bindings and a service's route per environment. */
class EnvironmentPolicyDecisionsTest {
    private static final Environment STAGING = new Environment("staging", "Staging", "non_prod", "active", null, T1, T1);
    private static final Environment RETIRED = new Environment("old", "Old", "non_prod", "retired", null, T1, T1);

    private AggregateTestFixture<DeliveryConfiguration> fixture;

    @BeforeEach
    void setUp() {
        fixture = ConfigurationFixtures.fixture();
    }

    @Test
    void aNewBindingIsEnabledAndOrderedAfterTheGroupsExistingRows() {
        fixture.given(seededAnd(new EnvironmentCreated(STAGING)))
                .when(new SetEnvironmentBinding("default", "staging", null, null, T2), BY_ADMIN)
                .expectEvents(new EnvironmentBindingSet(null, new EnvironmentBinding("default", "staging", true, 1),
                        T2));
    }

    @Test
    void omittedValuesKeepTheExistingBinding() {
        EnvironmentBinding existing = new EnvironmentBinding("default", "sandbox", true, 1);
        fixture.given(seeded())
                .when(new SetEnvironmentBinding("default", "sandbox", false, null, T1), BY_ADMIN)
                .expectEvents(new EnvironmentBindingSet(existing,
                        new EnvironmentBinding("default", "sandbox", false, 1), T1));
        ConfigurationFixtures.fixture().given(seeded())
                .when(new SetEnvironmentBinding("default", "sandbox", null, 4, T1), BY_ADMIN)
                .expectEvents(new EnvironmentBindingSet(existing,
                        new EnvironmentBinding("default", "sandbox", true, 4), T1));
    }

    @Test
    void bindingNeedsAKnownGroupAndEnvironment() {
        fixture.given(seeded())
                .when(new SetEnvironmentBinding("nope", "sandbox", true, 1, T1), BY_ADMIN)
                .expectException(rejection("NOT_FOUND", 404))
                .expectExceptionMessage("Delivery group not found");
        ConfigurationFixtures.fixture().given(seeded())
                .when(new SetEnvironmentBinding("default", "nope", true, 1, T1), BY_ADMIN)
                .expectException(rejection("NOT_FOUND", 404))
                .expectExceptionMessage("Environment not found");
    }

    @Test
    void enablingARetiredEnvironmentIsRefusedButDisablingItIsNot() {
        fixture.given(seededAnd(new EnvironmentCreated(RETIRED)))
                .when(new SetEnvironmentBinding("default", "old", null, null, T2), BY_ADMIN)
                .expectNoEvents()
                .expectException(rejection("ENVIRONMENT_RETIRED", 409));
        ConfigurationFixtures.fixture().given(seededAnd(new EnvironmentCreated(RETIRED)))
                .when(new SetEnvironmentBinding("default", "old", false, 2, T2), BY_ADMIN)
                .expectEvents(new EnvironmentBindingSet(null, new EnvironmentBinding("default", "old", false, 2), T2));
    }

    @Test
    void aNegativeOrderIsInvalid() {
        fixture.given(seeded())
                .when(new SetEnvironmentBinding("default", "sandbox", true, -1, T1), BY_ADMIN)
                .expectException(rejection("INVALID_REQUEST", 400));
    }

    @Test
    void aRouteRecordsTheRecipeAndTheOneItReplaced() {
        fixture.given(seeded())
                .when(new SetServiceRoute("svc-a", "sandbox", "canary", T1), BY_ADMIN)
                .expectEvents(new ServiceRouteSet(new ServiceRoute("svc-a", "sandbox", "default"),
                        new ServiceRoute("svc-a", "sandbox", "canary"), T1));
        ConfigurationFixtures.fixture().given(seededAnd(new EnvironmentCreated(STAGING)))
                .when(new SetServiceRoute("svc-d", "staging", "bluegreen", T2), BY_ADMIN)
                .expectEvents(new ServiceRouteSet(null, new ServiceRoute("svc-d", "staging", "bluegreen"), T2));
    }

    @Test
    void aRouteNeedsARecipeThenAKnownServiceEnvironmentAndRecipe() {
        expectRouteRefused(new SetServiceRoute("svc-a", "sandbox", " ", T1), "INVALID_REQUEST", 400, null);
        expectRouteRefused(new SetServiceRoute("svc-x", "nope", "nope", T1), "NOT_FOUND", 404, "Service not found");
        expectRouteRefused(new SetServiceRoute("svc-a", "nope", "nope", T1), "NOT_FOUND", 404,
                "Environment not found");
        expectRouteRefused(new SetServiceRoute("svc-a", "sandbox", "nope", T1), "NOT_FOUND", 404, "Recipe not found");
    }

    @Test
    void routingToARetiredEnvironmentIsRefused() {
        fixture.given(seededAnd(new EnvironmentCreated(RETIRED)))
                .when(new SetServiceRoute("svc-a", "old", "default", T2), BY_ADMIN)
                .expectException(rejection("ENVIRONMENT_RETIRED", 409));
    }

    private void expectRouteRefused(SetServiceRoute command, String code, int status, String message) {
        var result = ConfigurationFixtures.fixture().given(seeded()).when(command, BY_ADMIN)
                .expectNoEvents()
                .expectException(rejection(code, status));
        if (message != null) {
            result.expectExceptionMessage(message);
        }
    }
}
