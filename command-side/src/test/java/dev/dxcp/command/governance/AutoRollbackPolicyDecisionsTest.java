package dev.dxcp.command.governance;

import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationEvents;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeCreated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.governance.AutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyRemoved;
import dev.dxcp.events.governance.GovernanceMessages.DeclareAutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.RemoveAutoRollbackPolicy;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Automatic rollback policies in the change governance aggregate, given-when-then (docs/GOVERNANCE.md). */
class AutoRollbackPolicyDecisionsTest {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Map<String, Object> BY_ADMIN = Map.of("actor_id", "admin@example.com");

    private final EmbeddedEventStore configurationStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private AggregateTestFixture<ChangeGovernance> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChangeGovernance.class);
        fixture.registerInjectableResource(new DeliveryConfigurationView(configurationStore));
        long sequence = 0;
        for (Object event : List.of(
                new EnvironmentCreated(new Environment("prod", "prod", "prod", Environment.ACTIVE, null, T0, T0)),
                new RecipeCreated(new Recipe("standard", "standard", null, "app", "deploy", "rollback", 1, "std",
                        Recipe.ACTIVE, T0, "admin", T0, "admin", null)),
                new DeliveryGroupCreated(new DeliveryGroup("payments", "Payments", null, null, List.of("svc"), null,
                        List.of("standard"), null, T0, "admin", T0, "admin", null)))) {
            configurationStore.publish(new GenericDomainEventMessage<>("DeliveryConfiguration",
                    ConfigurationEvents.CONFIGURATION_ID, sequence++, event));
        }
    }

    @Test
    void aDeclaredPolicyRecordsWhoDeclaredItAndWhen() {
        fixture.givenNoPriorActivity()
                .when(new DeclareAutoRollbackPolicy(policy("payments-prod", "prod", "standard"), T0), BY_ADMIN)
                .expectEvents(new AutoRollbackPolicyDeclared(new AutoRollbackPolicy("payments-prod", "payments",
                        "prod", "standard", T0, "admin@example.com")));
    }

    @Test
    void aSecondPolicyForTheSameGroupEnvironmentAndRecipe_isRefusedWithAutoRollbackPolicyExists() {
        fixture.given(new AutoRollbackPolicyDeclared(policy("a", "prod", null)))
                .when(new DeclareAutoRollbackPolicy(policy("b", "prod", null), T0), BY_ADMIN)
                .expectException(Rejection.class)
                .expectExceptionMessage("Automatic rollback policy a already covers this delivery group, environment"
                        + " and recipe")
                .expectNoEvents();
    }

    @Test
    void aPolicyNamingAnUnknownGroupEnvironmentOrRecipe_isRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new DeclareAutoRollbackPolicy(new AutoRollbackPolicy("x", "nope", null, null, null, null), T0))
                .expectExceptionMessage("delivery_group_id must name a delivery group");
        fixture.givenNoPriorActivity()
                .when(new DeclareAutoRollbackPolicy(policy("x", "moon", null), T0))
                .expectExceptionMessage("environment moon is not an environment");
        fixture.givenNoPriorActivity()
                .when(new DeclareAutoRollbackPolicy(policy("x", null, "canary"), T0))
                .expectExceptionMessage("recipe_id canary is not a recipe");
    }

    @Test
    void removingAPolicyRecordsIt_andAnUnknownOneIsNotFound() {
        AutoRollbackPolicy declared = policy("a", null, null);
        fixture.given(new AutoRollbackPolicyDeclared(declared))
                .when(new RemoveAutoRollbackPolicy("a", T0))
                .expectEvents(new AutoRollbackPolicyRemoved(declared, T0));
        fixture.givenNoPriorActivity()
                .when(new RemoveAutoRollbackPolicy("a", T0))
                .expectExceptionMessage("Automatic rollback policy not found");
    }

    @Test
    void theMostSpecificPolicyCoversADeployment() {
        GovernanceState state = GovernanceState.EMPTY
                .apply(new AutoRollbackPolicyDeclared(policy("group-wide", null, null)))
                .apply(new AutoRollbackPolicyDeclared(policy("prod-standard", "prod", "standard")))
                .apply(new AutoRollbackPolicyDeclared(policy("prod", "prod", null)));
        assertThat(state.autoRollbackFor("payments", "prod", "standard")).map(AutoRollbackPolicy::id)
                .contains("prod-standard");
        assertThat(state.autoRollbackFor("payments", "prod", "canary")).map(AutoRollbackPolicy::id).contains("prod");
        assertThat(state.autoRollbackFor("payments", "sandbox", "standard")).map(AutoRollbackPolicy::id)
                .contains("group-wide");
        assertThat(state.autoRollbackFor("billing", "prod", "standard")).isEmpty();
    }

    private static AutoRollbackPolicy policy(String id, String environment, String recipe) {
        return new AutoRollbackPolicy(id, "payments", environment, recipe, null, null);
    }
}
