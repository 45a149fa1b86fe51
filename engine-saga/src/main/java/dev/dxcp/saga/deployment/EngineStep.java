package dev.dxcp.saga.deployment;

/** The payload of the saga's persistent "next step" deadline. */
public record EngineStep(String deploymentId) {
}
