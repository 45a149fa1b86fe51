package dev.dxcp.command.build;

import java.util.Set;

/**
 * Where build artifacts may come from (domain §12): the allowed URI schemes and, when configured,
 * the one runtime artifact bucket every reference must point into.
 */
public record ArtifactSourceRules(Set<String> allowedSchemes, String runtimeBucket) {
    public ArtifactSourceRules {
        allowedSchemes = Set.copyOf(allowedSchemes);
    }

    public boolean bucketConfigured() {
        return runtimeBucket != null && !runtimeBucket.isBlank();
    }
}
