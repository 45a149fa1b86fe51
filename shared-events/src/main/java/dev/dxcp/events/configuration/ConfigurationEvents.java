package dev.dxcp.events.configuration;

import java.time.Instant;

/**
 * Facts about delivery configuration. All of it lives in one {@code DeliveryConfiguration} aggregate
 * (id {@link #CONFIGURATION_ID}) so that cross-entity rules (a service in at most one group, a recipe in
 * use cannot be deleted) are decided atomically. Updates carry the old and the new value for the audit.
 */
public final class ConfigurationEvents {
    public static final String CONFIGURATION_ID = "delivery-configuration";

    private ConfigurationEvents() {
    }

    /** Marks the end of first-start seeding (domain §14): seeding happens at most once per store. */
    public record DeliveryConfigurationSeeded(Instant at) {
    }

    public record DeliveryGroupCreated(DeliveryGroup group) {
    }

    public record DeliveryGroupUpdated(DeliveryGroup oldValue, DeliveryGroup newValue) {
    }

    public record RecipeCreated(Recipe recipe) {
    }

    public record RecipeUpdated(Recipe oldValue, Recipe newValue) {
    }

    public record RecipeDeleted(Recipe recipe, Instant at) {
    }

    public record EnvironmentCreated(Environment environment) {
    }

    public record EnvironmentUpdated(Environment oldValue, Environment newValue) {
    }

    public record EnvironmentDeleted(Environment environment, Instant at) {
    }

    /** {@code oldValue} is null when the group had no binding for the environment. */
    public record EnvironmentBindingSet(EnvironmentBinding oldValue, EnvironmentBinding newValue, Instant at) {
    }

    /** {@code oldValue} is null when the service had no route in the environment. */
    public record ServiceRouteSet(ServiceRoute oldValue, ServiceRoute newValue, Instant at) {
    }
}
