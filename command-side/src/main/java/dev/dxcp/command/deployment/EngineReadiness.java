package dev.dxcp.command.deployment;

import dev.dxcp.events.common.Rejection;

import java.util.Optional;

/** validate's engine check (domain §16): a configured engine must answer its health call. */
public interface EngineReadiness {
    Optional<Rejection> check();
}
