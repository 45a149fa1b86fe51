package dev.dxcp.command.deployment;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentBindingSet;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.ServiceRouteSet;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.events.deployment.PromotionIntent;
import dev.dxcp.events.registry.ServiceEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * domain §14's promotion path: the next environment of the group's order, or any later one when the
 * "allow jumps" setting is on; never backwards. The rest of api-contract §6 is covered end to end.
 */
class PromotionPolicyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ServiceRegistry REGISTRY = () -> List.of(
            new ServiceEntry("svc", List.of(), List.of("default"), List.of(), null, null, null));
    /** svc in group g; order sandbox → staging → prod; both later environments routed to default. */
    private static final DeliveryConfigurationState CONFIG = fold(
            new RecipeCreated(new Recipe("default", "Standard", null, "app", "deploy", "rollback", 1, "Standard",
                    Recipe.ACTIVE, T0, "admin", T0, "admin", null)),
            new DeliveryGroupCreated(new DeliveryGroup("g", "G", null, null, List.of("svc"), null, List.of("default"),
                    null, T0, "admin", T0, "admin", null)),
            environment("sandbox"), environment("staging"), environment("prod"),
            binding("sandbox", 1), binding("staging", 2), binding("prod", 3),
            route("sandbox"), route("staging"), route("prod"));
    private static final BuildRecord BUILD = new BuildRecord("b1", "svc", "1.2.3", "s3://bucket/svc/svc-1.2.3.zip",
            "sha", "main", "ci", "github", "1", T0, "a".repeat(64), 1L, "application/zip", null, null, null, null,
            null, T0);

    private static PromotionPolicy policy(boolean allowJumps, Set<String> succeededIn) {
        RegisteredBuilds builds = new RegisteredBuilds(null) {
            @Override
            public BuildRecord registered(String service, String version) {
                return BUILD;
            }
        };
        return new PromotionPolicy(new DeploymentPolicy(REGISTRY), builds,
                (service, environment, version) -> succeededIn.contains(environment), allowJumps);
    }

    private static PromotionIntent promote(String source, String target) {
        return new PromotionIntent("svc", source, target, "1.2.3", "promote");
    }

    private static String refusal(PromotionPolicy policy, PromotionIntent intent) {
        return catchThrowableOfType(() -> policy.check(intent, CONFIG), Rejection.class).code();
    }

    @Test
    void theNextEnvironmentOfTheOrderIsTheTargetAndItsRouteDecidesTheRecipe() {
        PromotionPolicy.Promotable promotable = policy(false, Set.of("sandbox")).check(promote("sandbox", "staging"),
                CONFIG);
        assertThat(promotable.target().environment().id()).isEqualTo("staging");
        assertThat(promotable.target().recipe().id()).isEqualTo("default");
        assertThat(promotable.target().laneId()).isEqualTo("lane/g/staging");
        assertThat(promotable.build()).isEqualTo(BUILD);
    }

    @Test
    void skippingAnEnvironmentIsNotAllowedByDefault() {
        assertThat(refusal(policy(false, Set.of("sandbox")), promote("sandbox", "prod")))
                .isEqualTo("PROMOTION_PATH_NOT_ALLOWED");
    }

    @Test
    void withJumpsAllowedAnyLaterEnvironmentIsATarget() {
        PromotionPolicy.Promotable promotable = policy(true, Set.of("sandbox")).check(promote("sandbox", "prod"),
                CONFIG);
        assertThat(promotable.target().environment().id()).isEqualTo("prod");
    }

    @Test
    void promotingBackwardsIsNeverAllowedEvenWithJumps() {
        assertThat(refusal(policy(true, Set.of("prod")), promote("prod", "staging")))
                .isEqualTo("PROMOTION_PATH_NOT_ALLOWED");
        assertThat(refusal(policy(false, Set.of("staging")), promote("staging", "sandbox")))
                .isEqualTo("PROMOTION_PATH_NOT_ALLOWED");
    }

    @Test
    void theSourceMustHaveRunTheVersionSuccessfully() {
        assertThat(refusal(policy(false, Set.of("prod")), promote("sandbox", "staging")))
                .isEqualTo("PROMOTION_VERSION_INELIGIBLE");
    }

    @Test
    void aTargetEqualToTheSourceIsRefusedFirst() {
        PromotionIntent unknownService = new PromotionIntent("nobody", "sandbox", "sandbox", "1.2.3", "x");
        assertThat(refusal(policy(true, Set.of()), unknownService)).isEqualTo("PROMOTION_TARGET_REQUIRED");
    }

    private static Object environment(String id) {
        return new EnvironmentCreated(new Environment(id, id, "non_prod", Environment.ACTIVE, null, T0, T0));
    }

    private static Object binding(String environment, int order) {
        return new EnvironmentBindingSet(null, new EnvironmentBinding("g", environment, true, order), T0);
    }

    private static Object route(String environment) {
        return new ServiceRouteSet(null, new ServiceRoute("svc", environment, "default"), T0);
    }

    private static DeliveryConfigurationState fold(Object... events) {
        DeliveryConfigurationState state = DeliveryConfigurationState.EMPTY;
        for (Object event : events) {
            state = state.apply(event);
        }
        return state;
    }
}
