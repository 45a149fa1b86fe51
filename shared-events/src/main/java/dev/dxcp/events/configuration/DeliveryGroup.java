package dev.dxcp.events.configuration;

import java.time.Instant;
import java.util.List;

/**
 * Who may deliver what where (seed 002, api-contract §8). {@code allowedEnvironments} null means "no
 * legacy list" (every environment without a binding is usable); {@code guardrails} may be null.
 * {@code owner} is the normalized comma-separated list of lower-case emails, or null.
 */
public record DeliveryGroup(String id, String name, String description, String owner, List<String> services,
                            List<String> allowedEnvironments, List<String> allowedRecipes, Guardrails guardrails,
                            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                            String lastChangeReason) {
    public DeliveryGroup {
        services = services == null ? List.of() : List.copyOf(services);
        allowedEnvironments = allowedEnvironments == null ? null : List.copyOf(allowedEnvironments);
        allowedRecipes = allowedRecipes == null ? List.of() : List.copyOf(allowedRecipes);
    }

    /** The owner list as governance §4 reads it: split on commas, trimmed, lower-cased, blanks dropped. */
    public List<String> ownerEmails() {
        if (owner == null) {
            return List.of();
        }
        return java.util.Arrays.stream(owner.split(",")).map(s -> s.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }
}
