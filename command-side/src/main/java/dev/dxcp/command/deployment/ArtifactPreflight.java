package dev.dxcp.command.deployment;

import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Rejection;

import java.util.Optional;

/**
 * validate's artifact check (domain §16): the registered object must still be in the store. Missing or
 * denied → 409 ARTIFACT_NOT_FOUND; a store that cannot be asked skips the check.
 */
public interface ArtifactPreflight {
    Optional<Rejection> check(BuildRecord build);
}
