package dev.dxcp.events.configuration;

/** A delivery group's policy binding to an environment (domain §14); bindings beat the legacy list. */
public record EnvironmentBinding(String deliveryGroupId, String environmentId, boolean enabled, int orderIndex) {
}
