package dev.dxcp.events.deployment;

/** The engine pipeline a deployment runs, resolved from its recipe at submit time (domain §16). */
public record EngineTarget(String application, String pipeline) {
}
