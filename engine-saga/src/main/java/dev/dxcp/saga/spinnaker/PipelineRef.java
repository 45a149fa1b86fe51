package dev.dxcp.saga.spinnaker;

/** A pipeline configuration of an engine application: its config id (a UUID) and its exact name. */
public record PipelineRef(String id, String name) {
}
