package dev.dxcp.saga.engine;

import java.util.Optional;

/** Resolves the reference an engine adapter setting holds for a secret to the secret itself. */
@FunctionalInterface
public interface SecretValues {
    Optional<String> of(String ref);
}
